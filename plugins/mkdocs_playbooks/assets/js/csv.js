// csv.js: CSV for spreadsheets. Every cell quoted; a text a spreadsheet would take for a formula
// (starting with =, +, -, @, tab or carriage return) gets a leading ' as OWASP advises. Pure.
//
// gives: csvCell, csvText

const csvCell = (value) => {
  const text = String(value ?? "");
  const formula = typeof value === "string" && /^[=+\-@\t\r]/.test(text);
  return `"${formula ? "'" : ""}${text.replace(/"/g, '""')}"`;
};

// CSV text of `rows` (arrays of strings, numbers or null), cells separated by `separator` (`;` in
// languages whose spreadsheets use the decimal comma), CRLF after each row.
const csvText = (rows, separator = ",") => rows.map((row) => `${row.map(csvCell).join(separator)}\r\n`).join("");
