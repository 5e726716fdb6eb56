"""Write the hostile-input corpus: malformed and malicious files for every importer and the loader.

Small files are committed under tests/hostile/files/; the large ones (a 40 MB line, zip
bombs, 5,000 columns, a 10 MB mail header) are made at test time by `large_files(dir)` so
the repository stays small. Run `python tests/hostile/make_corpus.py` to rewrite the
committed ones. Every person here is fictional.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from pathlib import Path

FILES = Path(__file__).resolve().parent / "files"
NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n\n'
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
GOOD_ROW = "Ada,Example,https://www.linkedin.com/in/example-ada,,Acme,Engineer,08 Feb 2026\n"
PNG = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2,
       0, 0, 0) + struct.pack(">I", zlib.crc32(b"IHDR")) + b"\x00" * 40)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():  # fixed timestamps: the same bytes every time
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# The complete export's files: (short name, header, a good row, a row with a bad date,
# a row whose kept cells are formulas, a row whose kept cells are HTML). Recommendation
# files need "given"/"received" in their names, as in LinkedIn's.
XSS = "<img src=x onerror=alert(1)>"
FORMULA = '=HYPERLINK("http://example.com/x","click")'
FQ = '"' + FORMULA.replace('"', '""') + '"'  # as a CSV cell
ACTIVITY = {
    "endorsements-given": (
        "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,"
        "Endorsee Public Url,Endorsement Status",
        "2025/06/01 14:03:22 UTC,Design,Ada,Example,www.linkedin.com/in/example-ada,ACCEPTED",
        "31/31/2025 99:00,Design,Bo,Example,www.linkedin.com/in/example-bo,ACCEPTED",
        f'2025/06/02 14:03:22 UTC,Design,{FQ},@SUM(1),{FQ},ACCEPTED',
        f"2025/06/03 14:03:22 UTC,Design,{XSS},Example,,ACCEPTED"),
    "endorsements-received": (
        "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,"
        "Endorser Public Url,Endorsement Status",
        "2025/06/01 14:03:22 UTC,Design,Ada,Example,www.linkedin.com/in/example-ada,ACCEPTED",
        "not a date,Design,Bo,Example,www.linkedin.com/in/example-bo,ACCEPTED",
        f'2025/06/02 14:03:22 UTC,Design,{FQ},+1,,ACCEPTED',
        f"2025/06/03 14:03:22 UTC,Design,{XSS},Example,,ACCEPTED"),
    "recommendations-given": (
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status",
        'Ada,Example,Acme,Lead,Great colleague,"06/01/25, 2:03 PM",VISIBLE',
        'Bo,Example,Acme,Lead,Great colleague,"13/45/25, 2:03 PM",VISIBLE',
        f'{FQ},-2,Acme,Lead,{FQ},"06/02/25, 2:03 PM",VISIBLE',
        f'{XSS},Example,Acme,Lead,{XSS},"06/03/25, 2:03 PM",VISIBLE'),
    "recommendations-received": (
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status",
        'Ada,Example,Acme,Lead,Great colleague,"06/01/25, 2:03 PM",VISIBLE',
        "Bo,Example,Acme,Lead,Great colleague,last week,VISIBLE",
        f'{FQ},Example,Acme,Lead,{FQ},"06/02/25, 2:03 PM",VISIBLE',
        f'{XSS},Example,Acme,Lead,{XSS},"06/03/25, 2:03 PM",VISIBLE'),
    "shares": (
        "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility",
        "2025-06-01 14:03:22,https://www.linkedin.com/feed/update/urn:li:share:1,Hi,,,PUBLIC",
        "2025-13-01 14:03:22,https://www.linkedin.com/feed/update/urn:li:share:2,Hi,,,PUBLIC",
        f'2025-06-02 14:03:22,{FQ},{FQ},,,PUBLIC',
        f"2025-06-03 14:03:22,https://www.linkedin.com/feed/update/urn:li:share:3,{XSS},,,PUBLIC"),
    "comments": (
        "Date,Link,Message",
        "2025-06-01 14:03:22,https://www.linkedin.com/feed/update/urn:li:activity:1,Nice",
        "someday,https://www.linkedin.com/feed/update/urn:li:activity:2,Nice",
        f'2025-06-02 14:03:22,{FQ},{FQ}',
        f"2025-06-03 14:03:22,https://www.linkedin.com/feed/update/urn:li:activity:3,{XSS}"),
    "reactions": (
        "Date,Type,Link",
        "2025-06-01 14:03:22,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1",
        "2025-06-31 14:03:22,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:2",
        f'2025-06-02 14:03:22,{FQ},{FQ}',
        f"2025-06-03 14:03:22,{XSS},https://www.linkedin.com/feed/update/urn:li:activity:3"),
    "events": (
        "Event Name,Event Time,Status,External Url",
        "Health Data Meetup,2025-06-05 18:00:00 UTC,ATTENDING,https://example.com/meetup",
        "Design Week,tomorrow evening,ATTENDING,",
        f'{FQ},2025-06-06 18:00:00 UTC,{FQ},{FQ}',
        f"{XSS},2025-06-07 18:00:00 UTC,ATTENDING,javascript:alert(1)"),
}


def activity_files() -> dict[str, bytes]:
    """Hostile files for each complete-export file kind (the 200 KB ones: large_files)."""
    out = {}
    for kind, (header, good, bad_date, formula, html) in ACTIVITY.items():
        out[f"li-{kind}-empty.csv"] = b""
        out[f"li-{kind}-header-only.csv"] = (header + "\n").encode()
        out[f"li-{kind}-binary.csv"] = bytes(range(256)) * 8
        out[f"li-{kind}-wrong-header.csv"] = ("Date,Something Else\n" + good + "\n").encode()
        out[f"li-{kind}-bad-dates.csv"] = "\n".join((header, good, bad_date, "")).encode()
        out[f"li-{kind}-formulas.csv"] = "\n".join((header, good, formula, "")).encode()
        out[f"li-{kind}-html.csv"] = "\n".join((header, good, html, "")).encode()
    return out


def _mail(sender: bytes, to: bytes, date: bytes | None = b"Mon, 05 Jan 2026 09:00:00 +0000",
          number: int = 1, envelope: bytes = b"From sam@example.org Mon Jan  5 09:00:00 2026",
          more: bytes = b"") -> bytes:
    """One mbox message (LF) with its envelope line, headers and a short body."""
    dated = b"Date: " + date + b"\n" if date is not None else b""
    return (envelope + b"\nFrom: " + sender + b"\nTo: " + to + b"\n" + dated
            + b"Message-ID: <h" + str(number).encode() + b"@example.org>\nSubject: Hi\n" + more
            + b"\nHello.\n\n")


SAM_BYTES = b"Sam Learner <sam@example.org>"
ADA_BYTES = b"Ada Example <ada@example.com>"
#: Display names in every charset mail programs write: RFC 2047 words in UTF-8,
#: ISO-8859-1/-2/-15, Windows-1252/-1251 and ISO-2022-JP, raw 8-bit Latin-1, bytes that
#: are no text, and an encoded word that is broken. address -> (raw name, name read).
MAIL_NAMES = {
    "u8@example.com": (b"=?UTF-8?B?SsO2cmcgTcO8bGxlcg==?=", "Jörg Müller"),
    "l1@example.com": (b"=?ISO-8859-1?Q?Andr=E9_Pr=E9vost?=", "André Prévost"),
    "l2@example.com": (b"=?iso-8859-2?q?Pawe=B3_Kowalski?=", "Paweł Kowalski"),
    "l15@example.com": (b"=?ISO-8859-15?Q?=A4uro_Fan?=", "€uro Fan"),
    "w1252@example.com": (b"=?windows-1252?Q?Ren=E9e_=93Ren=94?=", "Renée “Ren”"),
    "w1251@example.com": (b"=?windows-1251?B?yOLg7SDP5fLw7uI=?=", "Иван Петров"),
    "jp@example.jp": (b"=?ISO-2022-JP?B?GyRCOzNFRBsoQiBUYXJv?=", "山田 Taro"),
    "raw@example.com": ("Zoë Raw".encode("latin-1"), "Zoë Raw"),
    "junk@example.com": (b"Bad \xff\xfe\x81 Bytes", "Bad ÿþ\ufffd Bytes"),
    "broken@example.com": (b"=?utf-8?b?!!!?=", "broken@example.com"),  # decodes to nothing
}


def mailbox_files() -> dict[str, bytes]:
    """Hostile mailboxes (``netlearn import mbox``): each message Sam sends is to a person."""
    good = _mail(SAM_BYTES, ADA_BYTES)
    names = b"".join(_mail(SAM_BYTES, raw + b" <" + address.encode() + b">", number=n)
                     for n, (address, (raw, _)) in enumerate(MAIL_NAMES.items(), 2))
    return {
        "mbox-empty.mbox": b"",
        "mbox-png-renamed.mbox": PNG,
        "mbox-eml-instead.mbox": good.split(b"\n", 1)[1],  # one message, no envelope
        "mbox-letter-from.mbox": b"From the desk of Sam\n\nDear all, no mail here.\n",
        "mbox-takeout-without-mail.zip": _zip({
            "Takeout/archive_browser.html": b"<html></html>",
            "Takeout/Mail/User Settings/Labels.json": b"{}"}),
        # separators broken: one after an empty line but with nothing after it, one with
        # no empty line before it (still an envelope), one mangled into a header line
        "mbox-broken-from-lines.mbox": (
            good + b"From \x01\x02 garbage\nnot a header\n\n"
            + _mail(SAM_BYTES, b"bo@example.net", number=2).rstrip(b"\n") + b"\n"
            + _mail(SAM_BYTES, b"cy@example.com", number=3)
            + b"From:sam@example.org Mon Jan  5 09:00:00 2026\n" + b"tail\n"),
        # the last header never ends: the file stops in the middle of a line
        "mbox-endless-header.mbox": good + _mail(SAM_BYTES, b"Bo <bo@example.net>",
                                                  number=2)[:-40],
        "mbox-bad-dates.mbox": (
            good + _mail(SAM_BYTES, b"bo@example.net", None, 2)
            + _mail(SAM_BYTES, b"cy@example.com", b"Tue, 31 Feb 2026 10:00:00 +0000", 3)
            + _mail(SAM_BYTES, b"dee@example.com", b"Thu, 01 Jan 1970 00:00:00 +0000", 4)
            + _mail(SAM_BYTES, b"eve@example.com", b"Fri, 01 Jan 2999 00:00:00 +0000", 5)
            + _mail(SAM_BYTES, b"fay@example.com", b"yesterday", 6)),
        "mbox-encoded-names.mbox": good + names,
        "mbox-crlf-nul-bytes.mbox": (good + _mail(SAM_BYTES, b"bo@example.net", number=2,
                                                  more=b"X-Junk: a\x00b\n")
                                     ).replace(b"\n", b"\r\n"),
    }


def small_files() -> dict[str, bytes]:
    """Return file name -> bytes for every committed hostile file."""
    vcard = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vic Example\r\nEMAIL:vic@example.com\r\n"
             "END:VCARD\r\n")
    event = ("BEGIN:VEVENT\r\nUID:e1@example.com\r\nDTSTAMP:20260101T000000Z\r\n"
             "DTSTART:20260110T090000Z\r\nSUMMARY:Meetup\r\nEND:VEVENT\r\n")
    calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n{}END:VCALENDAR\r\n"
    log_header = "date,name,email,company,channel,direction,purpose,note\n"
    return {
        # LinkedIn
        "li-empty.csv": b"",
        "li-header-only.csv": (NOTES + HEADER).encode(),
        "li-binary.csv": bytes(range(256)) * 40,
        "li-png-renamed.csv": PNG,
        "li-latin1.csv": (NOTES + HEADER + "José,Müller,,,Café GmbH,Chef,08 Feb 2026\n"
                          + GOOD_ROW).encode("latin-1"),
        "li-unterminated-quote.csv": (NOTES + HEADER + GOOD_ROW
                                      + 'Bo,"Example,,,Acme,Engineer,08 Feb 2026\n').encode(),
        "li-wrong-format.csv": vcard.encode(),
        "li-semicolons.csv": (HEADER.replace(",", ";") + GOOD_ROW.replace(",", ";")).encode(),
        "li-bad-dates.csv": (NOTES + HEADER + GOOD_ROW
                             + "Bo,Example,,,Acme,Engineer,31 Foo 2026\n"
                             + "Cy,Example,,,Acme,Engineer,yesterday\n"
                             + "Di,Example,,,Acme,Engineer,09 Feb 2026\n").encode(),
        "li-nul-bytes.csv": (NOTES + HEADER).encode() + b"Ada\x00,Ex\x00ample,,,,\x00,\n" * 50,
        "li-hidden-profiles.csv": (NOTES + HEADER + GOOD_ROW + ",,,,,,08 Feb 2026\n"
                                   + ",,,,,,09 Feb 2026\n").encode(),
        "li-messages-drafts-only.csv": (
            b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
            b"RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
            b"c1,,Sam Owner,https://www.linkedin.com/in/example-owner,Ada Example,"
            b"https://www.linkedin.com/in/example-ada,2025-06-01 14:03:22 UTC,,"
            b"\"<p>hi</p>\",DRAFT\n"
            b"c2,,Spam Bot,https://www.linkedin.com/in/example-spam,Sam Owner,"
            b"https://www.linkedin.com/in/example-owner,2025-06-02 14:03:22 UTC,,buy,SPAM\n"
        ),
        "li-no-csv.zip": _zip({"README.txt": b"nothing here", "photo.jpg": PNG}),
        "li-traversal.zip": _zip({"../../evil/Connections.csv": (NOTES + HEADER + GOOD_ROW)
                                  .encode(), "Connections.csv": (NOTES + HEADER + GOOD_ROW)
                                  .encode()}),
        "li-not-a-zip.zip": b"PK\x03\x04 this is not really a zip archive",
        **activity_files(),
        **mailbox_files(),
        # vCard
        "vc-empty.vcf": b"",
        "vc-truncated.vcf": (vcard + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Exam").encode(),
        "vc-binary.vcf": PNG,
        "vc-csv-instead.vcf": (HEADER + GOOD_ROW).encode(),
        "vc-card-without-name.vcf": (vcard + "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                                     "EMAIL:nobody@example.com\r\nEND:VCARD\r\n").encode(),
        "vc-nul-bytes.vcf": vcard.encode().replace(b"Vic", b"V\x00ic"),
        # iCalendar
        "ics-no-events.ics": calendar.format("").encode(),
        "ics-bad-dtstart.ics": calendar.format(
            event + event.replace("e1@", "e2@").replace("20260110T090000Z", "not-a-date")
        ).encode(),
        "ics-truncated.ics": calendar.format(event)[:120].encode(),
        "ics-binary.ics": bytes(range(256)) * 10,
        "ics-endless-rrule.ics": calendar.format(
            event.replace("SUMMARY:Meetup", "SUMMARY:Every second\r\nRRULE:FREQ=SECONDLY")
        ).encode(),
        # plain CSV log
        "log-empty.csv": b"",
        "log-wrong-header.csv": b"when,who\n2026-01-01,Ada\n",
        "log-bad-values.csv": (log_header
                               + "2026-01-05,Ada Example,ada@example.com,Acme,email,out,"
                                 "follow_up,ok\n"
                               + "2026-01-06,Bo Example,,Acme,carrier pigeon,out,ask,bad channel\n"
                               + "not a date,Cy Example,,,email,out,ask,bad date\n"
                               + "2026-01-07,,,,email,out,ask,no name\n").encode(),
        "log-xss-name.csv": (log_header
                             + "2026-01-05,<img src=x onerror=alert(1)>,,,email,out,give,x\n"
                             ).encode(),
        # course content (netlearn check DIR): each is a topic.yaml override
        "yaml-tabs.yaml": b"objectives:\n\t- id: x\n",
        "yaml-python-tag.yaml": b"objectives: !!python/object/apply:os.system ['echo pwned']\n",
        "yaml-alias-bomb.yaml": (
            b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
            b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
            b"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"),
        "yaml-unclosed-quote.yaml": b'objectives:\n  - id: "oops\n    text: x\n',
        "yaml-binary.yaml": PNG,
        "yaml-unknown-field.yaml": (b"objectives:\n  - {id: prep-goal, text: x}\ntips: []\n"
                                    b"key_points: [a]\nsecret_field: 1\n"),
    }


def large_files(directory: Path) -> dict[str, Path]:
    """Write the large hostile files into ``directory``; return name -> path."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    long_line = directory / "li-40mb-line.csv"
    with open(long_line, "wb") as handle:
        handle.write((NOTES + HEADER).encode())
        handle.write(b"Ada,Example,,,Acme," + b"x" * (40 * 1024 * 1024) + b",08 Feb 2026\n")
    paths[long_line.name] = long_line
    wide = directory / "li-5000-columns.csv"
    wide.write_text(",".join(f"c{i}" for i in range(5000)) + "\n"
                    + ",".join("1" for _ in range(5000)) + "\n", encoding="utf-8")
    paths[wide.name] = wide
    bomb = directory / "li-zip-bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("Connections.csv", "w", force_zip64=True) as member:
            member.write((NOTES + HEADER).encode())
            chunk = b"A" * (1024 * 1024)
            for _ in range(400):  # 400 MB of the same byte compresses to ~400 kB
                member.write(chunk)
    paths[bomb.name] = bomb
    header = directory / "mbox-10mb-header.mbox"
    with open(header, "wb") as handle:
        handle.write(_mail(SAM_BYTES, ADA_BYTES))
        handle.write(_mail(SAM_BYTES, b"bo@example.net", number=2,
                           more=b"X-Long: " + b"x" * (10 * 1024 * 1024) + b"\n"))
        handle.write(_mail(SAM_BYTES, b"cy@example.com", number=3))
    paths[header.name] = header
    takeout_bomb = directory / "mbox-takeout-bomb.zip"
    with zipfile.ZipFile(takeout_bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        name = "Takeout/Mail/All mail Including Spam and Trash.mbox"
        with archive.open(name, "w", force_zip64=True) as member:
            member.write(_mail(SAM_BYTES, ADA_BYTES))
            chunk = b"\n" * (1024 * 1024)
            for _ in range(64):  # 64 MB of empty lines compress to ~64 kB
                member.write(chunk)
    paths[takeout_bomb.name] = takeout_bomb
    big = "x" * (200 * 1024)
    for kind, (header, good, _, formula, _) in ACTIVITY.items():
        # the 200 KB cell goes where the formula went: names, titles, links and free text
        row = formula.replace(FQ, big)
        path = directory / f"li-{kind}-200kb-field.csv"
        path.write_text("\n".join((header, good, row, "")), encoding="utf-8")
        paths[path.name] = path
    return paths


def main() -> int:
    FILES.mkdir(parents=True, exist_ok=True)
    for name, data in small_files().items():
        (FILES / name).write_bytes(data)
    print(f"wrote {len(small_files())} files to {FILES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
