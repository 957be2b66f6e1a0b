// Runs Microsoft Recognizers-Text over a text file, line by line, the way factcheck's recogniser
// reads it: numbers, percentages, currency, dimensions and dates, in Chinese or English by line.
// Prints one JSON line: bytes read, seconds, MB/s, mentions found.
'use strict';
const fs = require('fs');
const Recognizers = require('@microsoft/recognizers-text-suite');

const [file, limitArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node recognizers_text.js FILE [MAX_BYTES]');
  process.exit(2);
}
let text = fs.readFileSync(file, 'utf8');
const limit = limitArg ? Number(limitArg) : Infinity;
if (Buffer.byteLength(text) > limit) text = Buffer.from(text).subarray(0, limit).toString('utf8');
const lines = text.split('\n').filter((l) => l.trim().length > 0);
const cjk = /[\u3400-\u9fff]/;
const reference = new Date(Date.UTC(2025, 8, 18));
let mentions = 0;
const start = process.hrtime.bigint();
for (const line of lines) {
  const culture = cjk.test(line) ? Recognizers.Culture.Chinese : Recognizers.Culture.English;
  mentions += Recognizers.recognizeNumber(line, culture).length;
  mentions += Recognizers.recognizePercentage(line, culture).length;
  mentions += Recognizers.recognizeCurrency(line, culture).length;
  mentions += Recognizers.recognizeDimension(line, culture).length;
  mentions += Recognizers.recognizeDateTime(line, culture, undefined, reference).length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const bytes = Buffer.byteLength(text);
console.log(JSON.stringify({ tool: 'recognizers-text', bytes, seconds, mb_per_s: bytes / 1e6 / seconds, mentions }));
