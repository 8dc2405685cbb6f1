// Parses an iCalendar document from stdin with ical.js (Mozilla's parser)
// and prints what it understood as JSON, for the Go tests to compare with
// what they exported. Any parse error, or a VEVENT that ical.js cannot read
// as an event, exits 1 with the reason on stderr.
import ICAL from "ical.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString("utf8");

function fail(message) {
  process.stderr.write(`ical.js: ${message}\n`);
  process.exit(1);
}

let cal;
try {
  cal = new ICAL.Component(ICAL.parse(text));
} catch (err) {
  fail(`parse error: ${err.message}`);
}
if (cal.name !== "vcalendar") fail(`top component is ${cal.name}, not vcalendar`);

const value = (comp, name) => {
  const v = comp.getFirstPropertyValue(name);
  return v === null || v === undefined ? null : v.toString();
};

const calendar = {
  version: value(cal, "version"),
  prodid: value(cal, "prodid"),
  name: value(cal, "name"),
  x_wr_calname: value(cal, "x-wr-calname"),
  refresh_interval: value(cal, "refresh-interval"),
  x_published_ttl: value(cal, "x-published-ttl"),
};

const events = cal.getAllSubcomponents("vevent").map((comp) => {
  let ev;
  try {
    ev = new ICAL.Event(comp);
  } catch (err) {
    fail(`event ${value(comp, "uid")}: ${err.message}`);
  }
  const dtstart = comp.getFirstPropertyValue("dtstart");
  const dtend = comp.getFirstPropertyValue("dtend");
  if (!dtstart) fail(`event ${ev.uid}: no DTSTART`);
  return {
    uid: ev.uid,
    summary: ev.summary,
    description: ev.description,
    dtstart: dtstart.toICALString(),
    all_day: dtstart.isDate,
    dtend: dtend ? dtend.toICALString() : null,
    // The end ical.js computes, whatever the properties: a check of DTEND
    // being exclusive and of instants.
    end: ev.endDate.toICALString(),
    dtstamp: comp.getFirstPropertyValue("dtstamp")?.toICALString() ?? null,
    sequence: ev.sequence,
    status: value(comp, "status"),
    transp: value(comp, "transp"),
    categories: comp.getAllProperties("categories").flatMap((p) => p.getValues().map(String)),
    url: value(comp, "url"),
  };
});

process.stdout.write(JSON.stringify({ calendar, events }));
