/* "Remind me to check again": a calendar file (iCalendar, RFC 5545) made in the browser, nothing
   sent. A part of the check-ins' script (checkins.py); Node's tests call it by name. */
const CRLF = "\r\n";
const LINE_OCTETS = 75;  // RFC 5545 3.1: longer lines are folded
const MONTHS = [3, 6, 12];  // the reader picks one

// Control characters other than tab cannot be in a TEXT value (3.3.11); line breaks become \n.
const clean = (text) => String(text).replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");

/* A TEXT value (3.3.11): backslash, semicolon and comma escaped, each line break as \n. */
const escapeText = (text) => clean(text).replace(/[\\;,]/g, (c) => "\\" + c).replace(/\n/g, "\\n");

const octets = (codePoint) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/* A content line folded (3.1): no line longer than 75 octets of UTF-8, each continuation starting
   with a space, and no character split between two lines. */
function fold(line) {
  let out = "";
  let size = 0;
  for (const char of line) {
    const length = octets(char.codePointAt(0));
    if (size + length > LINE_OCTETS) {
      out += CRLF + " ";
      size = 1;
    }
    out += char;
    size += length;
  }
  return out;
}

/* The day ``months`` months after ``day`` (a local date); 31 August + 6 months is 28 (or 29) February. */
function addMonths(day, months) {
  const first = new Date(day.getFullYear(), day.getMonth() + months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return new Date(first.getFullYear(), first.getMonth(), Math.min(day.getDate(), last));
}

const pad = (n, width = 2) => String(n).padStart(width, "0");
const dateValue = (day) => `${pad(day.getFullYear(), 4)}${pad(day.getMonth() + 1)}${pad(day.getDate())}`;
const utcValue = (time) => time.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
const languageTag = (lang) => String(lang).replace(/[^A-Za-z0-9-]/g, "");
const uri = (address) => clean(address).replace(/[\s"]/g, encodeURIComponent);

/* The calendar file: one all-day event ``months`` months after ``today``, with a reminder that
   morning, its title and description in the page's language (``lang``; a page without one gives
   no LANGUAGE parameter, which RFC 5545 3.2.10 makes optional), linking to ``url``. */
function calendar({ title, description, url, lang, today, months, now, uid }) {
  const day = addMonths(today, months);
  const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  const tag = languageTag(lang);
  const language = tag ? ";LANGUAGE=" + tag : "";
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Guidance sheets//Self-check reminder//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    "UID:" + escapeText(uid),
    "DTSTAMP:" + utcValue(now),
    "DTSTART;VALUE=DATE:" + dateValue(day),
    "DTEND;VALUE=DATE:" + dateValue(next),
    "SUMMARY" + language + ":" + escapeText(title),
    "DESCRIPTION" + language + ":" + escapeText(description + "\n" + uri(url)),
    "URL:" + uri(url),
    "TRANSP:TRANSPARENT",
    "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT9H", "DESCRIPTION" + language + ":" + escapeText(title), "END:VALARM",
    "END:VEVENT", "END:VCALENDAR",
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}
