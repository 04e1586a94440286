// Renders report.md with markdown-it (a second CommonMark implementation,
// GFM tables on by default) and prints the shape of every table: rows and
// cells per row. tests/cli/web.sh compares it with the tables pveplan's
// report.html got from cmark-gfm: a cell that breaks a table shows here.
const fs = require("fs");
const md = require("markdown-it")({ html: false });
const mode = process.argv[2], path = process.argv[3];
const html = mode === "md" ? md.render(fs.readFileSync(path, "utf8")) : fs.readFileSync(path, "utf8");
const shapes = [];
for (const table of html.split("<table").slice(1)) {
  const body = table.split("</table>")[0];
  const rows = body.split("<tr").slice(1).map(r => (r.match(/<t[hd][ >]/g) || []).length);
  shapes.push(rows.join(","));
}
console.log(shapes.join("\n"));
