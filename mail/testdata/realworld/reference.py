#!/usr/bin/env python3
"""Reference decoding of the real-world corpus with Python's email package
(policy.default). Writes golden.json: one record per .eml file with the fields the
Go test compares. Run once from this folder: python3 reference.py > golden.json
(Python 3.11.7 made the committed file)."""
import email, email.policy, email.utils, hashlib, io, json, os, sys, re
from html.parser import HTMLParser

class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style', 'head', 'title'):
            self.skip += 1
    def handle_endtag(self, tag):
        if tag in ('script', 'style', 'head', 'title') and self.skip:
            self.skip -= 1
    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)

def html_text(s):
    p = _Text()
    try:
        p.feed(s); p.close()
    except Exception:
        return s
    return ' '.join(p.out)

def content(part):
    try:
        return part.get_content()
    except Exception:
        payload = part.get_payload(decode=True) or b''
        return payload.decode('utf-8', 'replace')

def record(path, body_charset=None, header_codec=None, from_bytes=False):
    """body_charset and header_codec are for reference_codec.py only: the
    charset the body text is decoded with, and the codec raw 8-bit header bytes
    are read in (the header block is re-encoded as UTF-8, which policy.default
    reads), and from_bytes parses with message_from_bytes."""
    with open(path, 'rb') as f:
        data = f.read()
    if header_codec:
        m = re.search(rb'\r?\n\r?\n', data)
        end = m.start() if m else len(data)
        data = data[:end].decode(header_codec, 'replace').encode('utf-8') + data[end:]
    if from_bytes:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    else:
        # message_from_binary_file reads through a TextIOWrapper with universal
        # newlines, so CRLF in a 7bit payload becomes LF; message_from_bytes
        # keeps the bytes. The committed golden.json uses the file API.
        msg = email.message_from_binary_file(io.BytesIO(data), policy=email.policy.default)
    rec = {}
    try:
        rec['subject'] = str(msg.get('subject', '') or '')
    except Exception as e:
        rec['subject_error'] = repr(e)
    try:
        frm = msg.get('from')
        addrs = frm.addresses if frm is not None else ()
        rec['from_name'] = addrs[0].display_name if addrs else ''
        rec['from_addr'] = addrs[0].addr_spec.lower() if addrs else ''
        # The legacy parser reads "addr (Name)" comments as the name.
        raw = next((v for k, v in msg.raw_items() if k.lower() == 'from'), '')
        rec['from_name_legacy'] = email.utils.parseaddr(str(raw))[0] if addrs and not addrs[0].display_name else ''
    except Exception as e:
        rec['from_error'] = repr(e)
    body = None
    try:
        body = msg.get_body(preferencelist=('plain', 'html'))
    except Exception:
        pass
    text, is_html = '', False
    if body is not None:
        if body_charset:
            body.set_param('charset', body_charset)
        text = content(body)
        if not isinstance(text, str):
            text = ''
        if body.get_content_subtype() == 'html':
            text, is_html = html_text(text), True
    rec['text'] = text
    rec['text_html'] = is_html
    atts = []
    for part in msg.walk():
        if part is body or part.is_multipart():
            continue
        ct = part.get_content_type()
        name = part.get_filename()
        disp = part.get_content_disposition()
        # Attached messages have no byte form to hash; a multipart whose
        # boundary Python could not find is a broken container, not a file; and
        # text/rfc822-headers is shown as text by the Go parser.
        if ct.startswith('message/') or ct.startswith('multipart/') or ct == 'text/rfc822-headers':
            continue
        if ct in ('text/plain', 'text/html') and not name and disp != 'attachment':
            continue
        payload = part.get_payload(decode=True)
        if payload is None:
            payload = b''
        atts.append({'name': name or '', 'size': len(payload),
                     'sha256': hashlib.sha256(payload).hexdigest(), 'type': ct})
    rec['attachments'] = atts
    return rec

def main():
    root = os.path.dirname(os.path.abspath(__file__))
    out = {}
    for dirpath, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if f.endswith('.eml'):
                p = os.path.join(dirpath, f)
                out[os.path.relpath(p, root)] = record(p)
    json.dump(out, sys.stdout, ensure_ascii=True, indent=1, sort_keys=True)
    sys.stdout.write('\n')

if __name__ == '__main__':
    main()
