#!/usr/bin/python3
"""Parses an iCalendar document from stdin with libical (through
gir1.2-ical-3.0 and python3-gi) and prints what it understood as JSON, for
the Go tests to compare with what they exported.

libical does not stop at errors: it records them as X-LIC-ERROR properties
in the component where they occurred. This script also runs libical's
RFC 5545 restriction checks (which properties each component needs and
how often). Any error, from parsing or from the checks, exits 1 with every
error on stderr."""
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as I  # noqa: E402


def props(comp, kind):
    p = comp.get_first_property(kind)
    while p is not None:
        yield p
        p = comp.get_next_property(kind)


def components(comp):
    yield comp
    c = comp.get_first_component(I.ComponentKind.ANY_COMPONENT)
    while c is not None:
        yield from components(c)
        c = comp.get_next_component(I.ComponentKind.ANY_COMPONENT)


def errors(root):
    return [
        f"{c.kind_to_string(c.isa())}: {p.get_value_as_string()}"
        for c in components(root)
        for p in props(c, I.PropertyKind.XLICERROR_PROPERTY)
    ]


def first(comp, name):
    """The value of the first property called name (X- names too), as
    libical decodes it, or None."""
    for p in props(comp, I.PropertyKind.ANY_PROPERTY):
        if p.get_property_name() == name:
            return p.get_value_as_string()
    return None


def time(t):
    return None if t is None or t.is_null_time() else t.as_ical_string()


def main():
    text = sys.stdin.buffer.read().decode("utf-8")
    cal = I.Component.new_from_string(text)
    if cal is None or cal.isa() != I.ComponentKind.VCALENDAR_COMPONENT:
        sys.exit("libical: the document is not a VCALENDAR")
    found = errors(cal)
    cal.check_restrictions()
    found += [e for e in errors(cal) if e not in found]
    if found:
        sys.exit("libical: " + "\nlibical: ".join(found))

    events = []
    for ev in components(cal):
        if ev.isa() != I.ComponentKind.VEVENT_COMPONENT:
            continue
        end = ev.get_dtend()
        events.append({
            "uid": ev.get_uid(),
            "summary": ev.get_summary(),
            "description": ev.get_description(),
            "dtstart": time(ev.get_dtstart()),
            "all_day": ev.get_dtstart().is_date(),
            "dtend": first(ev, "DTEND") and time(end),
            # libical's own end: DTEND, or DTSTART plus DURATION, or the
            # implied end of RFC 5545 3.6.1.
            "end": time(end),
            "dtstamp": time(ev.get_dtstamp()),
            "sequence": ev.get_sequence(),
            "status": first(ev, "STATUS"),
            "transp": first(ev, "TRANSP"),
            "categories": [p.get_categories() for p in props(ev, I.PropertyKind.CATEGORIES_PROPERTY)],
            "url": first(ev, "URL"),
        })
    out = {
        "calendar": {
            "version": first(cal, "VERSION"),
            "prodid": first(cal, "PRODID"),
            "name": first(cal, "NAME"),
            "x_wr_calname": first(cal, "X-WR-CALNAME"),
            "refresh_interval": first(cal, "REFRESH-INTERVAL"),
            "x_published_ttl": first(cal, "X-PUBLISHED-TTL"),
        },
        "events": events,
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
