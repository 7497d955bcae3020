// csv.js: CSV for spreadsheets. Every cell quoted; a text a spreadsheet would take for a formula
// (starting with =, +, -, @, tab or carriage return) gets a leading ' as OWASP advises. Pure.

const csvCell = (value) => {
  const text = String(value ?? "");
  const formula = typeof value === "string" && /^[=+\-@\t\r]/.test(text);
  return `"${formula ? "'" : ""}${text.replace(/"/g, '""')}"`;
};

// CSV text of `rows` (arrays of strings, numbers or null), CRLF after each row.
const csvText = (rows) => rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");

if (typeof module !== "undefined") module.exports = { csvCell, csvText };
