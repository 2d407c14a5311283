"""The contacts the benchmarks write: the plain five-field one and a typical phone export's.

``plain(n)`` is bench/replication.py's contact (name, one phone, one e-mail, organization,
notes), what every figure before issue 14 was measured with.  ``typical(n)`` is what an
address book exported from a phone holds for a person one actually knows (issue 14,
tests/corpus/iphone.vcf and google.vcf): a structured name and a nickname, three phones
(one typed the local way, without +country, as phones store them), two e-mails, a home
address, a birthday, an organization with a unit and a title, a web page, two groups and
a note.  No photo: most entries of a phone export have none.  ``with_photo(n)`` adds a
small embedded one (``PHOTO_BYTES`` of JPEG-typed bytes, different for every contact, as
faces are), for the rows that ask what photos cost.

``vcard(n)`` is ``typical(n)`` as an iPhone writes it (vCard 3.0, item groups with
X-ABLabel), for the import benchmark; every tenth one carries its photo.
"""
import base64
import hashlib

#: bytes of the small photo: a phone's contact thumbnail is a few KB of JPEG
PHOTO_BYTES = 3000
GROUPS = ["Family", "Friends", "Work", "Football", "School", "Neighbours"]


def plain(n):
    return {"name": f"Person {n:06d}", "organization": f"Org {n % 50}", "notes": "met at a conference",
            "phones": [{"label": "mobile", "number": f"+1 212 555 {n % 10000:04d}"}],
            "emails": [{"label": "work", "address": f"person{n}@example.com"}]}


def typical(n, given="Maria"):
    """``given``: bench/run.py names its typical contacts so that they sort after the plain
    ones (its reads at 100,000 then page through plain contacts, as before issue 17)."""
    d = n % 10000
    return {
        "name": f"{given} Clara Souza {n:06d}",
        "n": {"family": [f"Souza {n:06d}"], "given": [given], "additional": ["Clara"],
              "prefixes": [], "suffixes": []},
        "nicknames": ["Clarinha"],
        "phones": [{"label": "mobile", "number": f"+55 84 9{d:04d}-7777", "pref": 1},
                   {"label": "home", "number": f"(84) 3215-{d:04d}"},
                   {"label": "work", "number": f"+1 212 555 {d:04d}"}],
        "emails": [{"label": "home", "address": f"maria{n}@example.com", "pref": 1},
                   {"label": "work", "address": f"maria.souza{n}@acme.example"}],
        "addresses": [{"label": "home", "street": f"Rua das Flores, {n % 1000}", "locality": "Natal",
                       "region": "RN", "postcode": "59000-000", "country": "Brasil"}],
        "birthday": f"19{50 + n % 50}-{1 + n % 12:02d}-{1 + n % 28:02d}",
        "organization": f"Acme {n % 50}", "org_units": ["Vendas"], "title": "Gerente",
        "urls": [{"label": "home", "url": f"https://maria{n}.example.com"}],
        "groups": sorted([GROUPS[n % 6], GROUPS[(n + 1 + (n // 6) % 5) % 6]]),
        "notes": "Prefere WhatsApp",
    }


def photo_bytes(n):
    """``PHOTO_BYTES`` bytes a replica takes for a JPEG (its magic bytes), different per ``n``."""
    body = b"".join(hashlib.sha256(f"{n}-{i}".encode()).digest() for i in range(PHOTO_BYTES // 32 + 1))
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + body)[:PHOTO_BYTES - 2] + b"\xff\xd9"


def with_photo(n):
    return {**typical(n), "photo": {"data": base64.b64encode(photo_bytes(n)).decode("ascii")}}


def _escape(value):
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def vcard(n, photo=None):
    """``typical(n)`` as an iPhone export writes it (vCard 3.0); ``photo``: embed one (default:
    every tenth contact)."""
    c = typical(n)
    adr = c["addresses"][0]
    phones = c["phones"]
    lines = [
        "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.2//EN",
        f"N:{c['n']['family'][0]};Maria;Clara;;", f"FN:{c['name']}", "NICKNAME:Clarinha",
        f"ORG:{c['organization']};Vendas", "TITLE:Gerente",
        f"EMAIL;type=INTERNET;type=HOME;type=pref:{c['emails'][0]['address']}",
        f"EMAIL;type=INTERNET;type=WORK:{c['emails'][1]['address']}",
        f"TEL;type=CELL;type=VOICE;type=pref:{phones[0]['number']}",
        f"TEL;type=HOME;type=VOICE:{phones[1]['number']}",
        f"item1.TEL:{phones[2]['number']}", "item1.X-ABLabel:Escritório NY",
        f"item2.ADR;type=HOME;type=pref:;;{_escape(adr['street'])};{adr['locality']};{adr['region']};"
        f"{adr['postcode']};{adr['country']}", "item2.X-ABADR:br",
        f"item3.URL;type=pref:{c['urls'][0]['url']}", "item3.X-ABLabel:_$!<HomePage>!$_",
        f"BDAY:{c['birthday']}", f"CATEGORIES:{','.join(c['groups'])}",
        f"NOTE:{c['notes']}", f"X-ABUID:{hashlib.md5(str(n).encode()).hexdigest().upper()}:ABPerson",
    ]
    if photo if photo is not None else n % 10 == 0:
        lines.append("PHOTO;ENCODING=b;TYPE=JPEG:" + base64.b64encode(photo_bytes(n)).decode("ascii"))
    lines.append("END:VCARD")
    return "".join(_fold(line) for line in lines)


def _fold(line, width=75):
    """A content line folded as exporters do (RFC 6350 3.2: 75 octets, continued after a space)."""
    out, rest = [], line.encode("utf-8")
    while len(rest) > width:
        cut = width
        while rest[cut] & 0xC0 == 0x80:  # never inside a UTF-8 sequence
            cut -= 1
        out.append(rest[:cut])
        rest, width = rest[cut:], 74  # the leading space counts
    out.append(rest)
    return "\r\n ".join(part.decode("utf-8") for part in out) + "\r\n"
