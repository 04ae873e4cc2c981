// The exceljs peer of BenchmarkExport100k: stream-write the rows of a JSON
// Lines file (one array of cell values per line) into one sheet with
// exceljs's streaming WorkbookWriter, and print the milliseconds it took.
// Usage: node exceljs_peer.js ROWS.jsonl OUT.xlsx (NODE_PATH names the
// node_modules that holds exceljs).
const fs = require('fs');
const readline = require('readline');
const ExcelJS = require('exceljs');

async function main() {
  const [rowsPath, outPath] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outPath, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lines = readline.createInterface({ input: fs.createReadStream(rowsPath), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (line === '') continue;
    ws.addRow(JSON.parse(line)).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${ms.toFixed(1)} ${n}\n`);
}

main().catch((e) => { console.error(e); process.exit(1); });
