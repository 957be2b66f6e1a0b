// Issue 5: report.html in a real browser. Runs factcheck on the sample corpus plus the link gold
// documents, opens report.html in Debian's headless Chromium (driven by playwright-core), checks
// that the findings render and that the severity, subject and document filters work, and saves
// screenshots. Then checks that document text holding HTML and script is shown as text and
// never runs. Issue 15: findings come first, only the claims findings cite are quoted, each
// document has one summary row with its counts, and a corpus of many quiet documents lists only
// the first 500 of them. Run by CTest (label `browser`):
//   node report_test.mjs FACTCHECK_BINARY SOURCE_DIR OUTPUT_DIR
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [binary, sourceDir, outputDir] = process.argv.slice(2);
if (!binary || !sourceDir || !outputDir) {
  console.error('usage: node report_test.mjs FACTCHECK_BINARY SOURCE_DIR OUTPUT_DIR');
  process.exit(2);
}

let failures = 0;
function check(condition, what) {
  if (condition) {
    console.log(`ok   ${what}`);
  } else {
    console.log(`FAIL ${what}`);
    failures += 1;
  }
}

// factcheck exits 1 when it finds something; that is the case under test, not an error.
function factcheck(args) {
  try {
    execFileSync(binary, args, { cwd: sourceDir, env: { ...process.env, CI: 'true' }, stdio: 'pipe' });
  } catch (error) {
    if (error.status !== 1) throw error;
  }
}

rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });
const reportDir = join(outputDir, 'gold');
factcheck(['check', 'corpus', 'tests/data/link_gold', '--project', 'tests/data/link_gold/factcheck.json', '--out', reportDir]);
const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // The flags the machine needs: no sandbox as root, and no background network traffic.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  const blocked = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) blocked.push(request.url());
  });
  await page.goto(pathToFileURL(join(reportDir, 'report.html')).href);

  const visible = () => page.$$eval('section.finding', (cards) =>
    cards.filter((card) => card.getBoundingClientRect().height > 0).map((card) => ({
      severity: card.dataset.severity, subject: card.dataset.subject, kind: card.dataset.kind, text: card.textContent,
    })));

  const all = await visible();
  check(all.length === report.findings.length && all.length > 0,
        `all ${report.findings.length} findings render as cards (saw ${all.length})`);
  const axisBars = await page.$$eval('section.finding .bar', (bars) => bars.length);
  check(axisBars > 0, `the claims are drawn on a shared axis (${axisBars} bars)`);
  const marks = await page.$$eval('section.finding mark', (found) => found.length);
  check(marks >= report.findings.length * 2, `figures are highlighted in the quoted sentences (${marks})`);
  await page.screenshot({ path: join(outputDir, 'report.png'), fullPage: false });

  // Severity: only warnings.
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  await page.click('label[for^="sev-"]:text-is("warning")');
  let now = await visible();
  check(warnings > 0 && now.length === warnings && now.every((card) => card.severity === 'warning'),
        `severity filter shows the ${warnings} warnings only (saw ${now.length})`);
  await page.click('label[for="sev-all"]');

  // Subject: one subject.
  const subject = 'Lingang Bay Bridge';
  const forSubject = report.findings.filter((f) => f.subject === subject).length;
  await page.click(`label[for^="sub-"]:text-is("${subject}")`);
  now = await visible();
  check(forSubject > 0 && now.length === forSubject && now.every((card) => card.subject === subject),
        `subject filter shows the ${forSubject} findings about ${subject} (saw ${now.length})`);
  await page.screenshot({ path: join(outputDir, 'report-filtered.png'), fullPage: false });

  // Subject and document together: the filters combine.
  const documentId = 'zh-bridge-blog.md';
  const both = report.findings.filter((f) => f.subject === subject && f.claims.some((c) => c.document === documentId)).length;
  await page.click(`label[for^="doc-"]:text-is("${documentId}")`);
  now = await visible();
  check(now.length === both && now.every((card) => card.text.includes(documentId)),
        `subject and document filters combine: ${both} finding(s) (saw ${now.length})`);

  // Issue 15: findings first, then one row per document with its counts; no table of every claim.
  const layout = await page.evaluate(() => {
    const top = (selector) => {
      const node = [...document.querySelectorAll('h2')].find((h) => h.textContent === selector);
      return node ? node.getBoundingClientRect().top : null;
    };
    return {
      findings: top('Findings'), documents: top('Documents'),
      quotes: document.querySelectorAll('section.finding blockquote').length,
      allQuotes: document.querySelectorAll('blockquote').length,
      details: [...document.querySelectorAll('details summary')].map((s) => s.textContent),
      rows: [...document.querySelectorAll('table.documents tr')].slice(1).map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
    };
  });
  check(layout.findings !== null && layout.documents !== null && layout.findings < layout.documents,
        'the findings come before the documents');
  const cited = report.findings.reduce((n, f) => n + f.claims.length, 0);
  check(layout.quotes === cited && layout.allQuotes === cited,
        `only the ${cited} claims the findings cite are quoted (saw ${layout.allQuotes})`);
  check(!layout.details.some((text) => /claims/.test(text)), 'no table of every claim');
  check(layout.rows.length === report.documents.length,
        `one summary row per document (${layout.rows.length} of ${report.documents.length})`);
  const byId = new Map(report.documents.map((d) => [d.id, d]));
  const findingsOf = (id) => report.findings.filter((f) => f.claims.some((c) => c.document === id)).length;
  const linkedOf = (id) => report.claims.filter((c) => c.document === id && c.subject !== null && c.attribute !== null).length;
  const wrong = layout.rows.filter(([id, , , , claims, linked, findings]) =>
    !byId.has(id) || Number(claims) !== byId.get(id).claims || Number(linked) !== linkedOf(id) ||
    Number(findings) !== findingsOf(id));
  check(wrong.length === 0, `each row counts the document's claims, linked claims and findings (${wrong.length} wrong)`);

  // Back to everything.
  await page.click('label[for="sub-all"]');
  await page.click('label[for="doc-all"]');
  now = await visible();
  check(now.length === report.findings.length, 'choosing "all" again shows every finding');
  check(blocked.length === 0, `the page loads nothing from elsewhere (${blocked.join(', ') || 'none'})`);

  // Hostile document text: shown as text, never run.
  const hostile = join(outputDir, 'hostile');
  mkdirSync(hostile, { recursive: true });
  const payload = '<script>window.__pwned = 1</script>"><img src=x onerror="window.__pwned = 2"></script><b>bold?</b>';
  writeFileSync(join(hostile, 'a.md'),
                `---\npublished: 2025-09-18\nurl: javascript:window.__pwned=3\ntitle: "${payload}"\n---\n` +
                `R1的训练成本为29.4万美元。${payload}\n`);
  writeFileSync(join(hostile, 'b.html'),
                `<html><head><meta property="article:published_time" content="2025-09-18"></head><body><p>` +
                `R1的训练成本为294万美元。&lt;script&gt;window.__pwned = 4&lt;/script&gt;</p></body></html>\n`);
  const hostileReport = join(outputDir, 'hostile-report');
  factcheck(['check', hostile, '--out', hostileReport]);
  const page2 = await browser.newPage();
  const errors = [];
  page2.on('pageerror', (error) => errors.push(String(error)));
  await page2.goto(pathToFileURL(join(hostileReport, 'report.html')).href);
  const pwned = await page2.evaluate(() => window.__pwned);
  check(pwned === undefined, 'no script from the documents ran');
  const injected = await page2.$$eval('script, img, b', (nodes) =>
    nodes.filter((node) => node.tagName !== 'B' || node.textContent === 'bold?').length);
  check(injected === 0, 'no element from the documents exists in the page');
  const text = await page2.textContent('body');
  check(text.includes('<script>window.__pwned = 1</script>'), 'the hostile text is shown as text');
  const links = await page2.$$eval('a[href^="javascript"]', (nodes) => nodes.length);
  check(links === 0, 'a javascript: URL from front matter is not a link');
  await page2.screenshot({ path: join(outputDir, 'hostile.png'), fullPage: true });

  // Issue 15: a corpus of 700 documents without figures and two that disagree: the two are
  // listed, the quiet ones up to 500, and the page says how many more report.json holds.
  const many = join(outputDir, 'many');
  mkdirSync(many, { recursive: true });
  for (let i = 0; i < 700; i += 1) {
    writeFileSync(join(many, `quiet${String(i).padStart(4, '0')}.md`),
                  i % 2 === 0 ? '---\npublished: 2025-09-18\n---\n会议如期举行，大家都来了。\n'
                              : '---\npublished: 2025-09-18\n---\nThe meeting went ahead and everyone came.\n');
  }
  writeFileSync(join(many, 'x-cost.md'), '---\npublished: 2025-09-18\n---\nR1的训练成本为29.4万美元。\n');
  writeFileSync(join(many, 'y-cost.md'), '---\npublished: 2025-09-18\n---\nTraining R1 cost $5.6 million.\n');
  const manyReport = join(outputDir, 'many-report');
  factcheck(['check', many, '--out', manyReport]);
  const page3 = await browser.newPage();
  await page3.goto(pathToFileURL(join(manyReport, 'report.html')).href);
  const manyRows = await page3.$$eval('table.documents tr', (rows) => rows.slice(1).map((row) => row.querySelector('td').textContent));
  check(manyRows.length === 502 && manyRows.includes('x-cost.md') && manyRows.includes('y-cost.md'),
        `a large corpus lists the documents with findings and 500 others (${manyRows.length} rows)`);
  const more = await page3.textContent('.more-documents');
  check(more !== null && more.includes('200 more document(s)') && more.includes('report.json'),
        `the rest are counted: "${more}"`);
  const cards = await page3.$$eval('section.finding', (found) => found.length);
  check(cards >= 1, `the finding still comes first (${cards} card(s))`);
} finally {
  await browser.close();
}

console.log(failures === 0 ? 'browser test passed' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
