#define BOOST_TEST_MODULE checker_unit
#include <boost/test/unit_test.hpp>
