#!/usr/bin/env python3
"""The second reference: Python's email package again, for the few mails listed
below only, told what policy.default cannot find out by itself: the charset the
mail's text really is in (declared only in an HTML <meta>, under a label Python
does not know or a wrong one, or not at all), or asked through
message_from_bytes, which keeps CRLF as sent. Everything else is reference.py.
Writes golden_codec.json (run once: python3 reference_codec.py > golden_codec.json).

For each mail the evidence is recorded too: whether the body bytes and the raw
8-bit header bytes decode in that codec without a single error (what
`iconv -f CODEC` would say)."""
import email, email.policy, json, os, re, sys
from reference import record

# file: (body charset, header codec, from_bytes, why)
OVERRIDES = {
    'spamassassin/spam-1-00263.eml': ('shift_jis', None, False, 'text/plain without charset; the bytes are Shift_JIS (Japanese)'),
    'spamassassin/spam-1-00320.eml': ('shift_jis', None, False, 'as spam-1-00263'),
    'spamassassin/spam-1-00323.eml': ('shift_jis', None, False, 'as spam-1-00263'),
    'spamassassin/spam-1-00324.eml': ('shift_jis', None, False, 'as spam-1-00263'),
    'spamassassin/spam-1-00500.eml': ('gbk', None, False, 'labelled gb2312, the bytes are GBK (traditional characters, outside GB2312)'),
    'spamassassin/spam-2-00006.eml': ('cp950', 'cp950', False, 'charset="CHINESEBIG5" (Outlook Express), unknown to Python; raw Big5 subject'),
    'spamassassin/spam-2-00737.eml': ('cp950', 'cp950', False, 'Big5 declared only in the HTML <meta>; raw Big5 subject'),
    'spamassassin/spam-2-00880.eml': ('cp950', None, False, 'Big5 declared only in the HTML <meta>'),
    'spamassassin/spam-2-00959.eml': ('cp950', None, False, 'Big5 declared only in the HTML <meta>'),
    'spamassassin/spam-2-00987.eml': ('cp950', None, False, 'Big5 declared only in the HTML <meta>'),
    'spamassassin/spam-2-00988.eml': ('cp950', None, False, 'Big5 declared only in the HTML <meta>'),
    'spamassassin/spam-2-01188.eml': ('cp950', None, False, 'labelled big5, sent by a Windows mailer (CP950: A1E3 is U+FF5E, strict big5 says U+223C)'),
    'spamassassin/spam-1-00243.eml': ('cp950', 'cp950', False, 'no Content-Type at all; Big5 text and raw Big5 subject'),
    'spamassassin/spam-2-01120.eml': ('cp950', 'cp950', False, 'no Content-Type at all; Big5 text and raw Big5 subject'),
    'spamassassin/spam-2-01097.eml': ('cp950', None, False, 'text/plain without charset; Big5 symbols (±, ℃) in English text'),
    'spamassassin/spam-2-00704.eml': (None, 'cp950', False, 'raw Big5 bytes in the From local part; the text is labelled big5'),
    'spamassassin/spam-2-00706.eml': ('cp950', 'cp950', False, 'raw Big5 in the From local part and an unlabelled Big5 text'),
    'spamassassin/spam-2-00708.eml': ('cp950', 'cp950', False, 'as spam-2-00706'),
    'spamassassin/spam-1-00252.eml': (None, 'cp950', False, 'raw Big5 bytes in the From local part'),
    'spamassassin/spam-1-00293.eml': (None, 'cp950', False, 'raw Big5 bytes in the From local part'),
    'enmime/mail-inlinemultipart.eml': (None, None, True, '7bit text attachment with CRLF line ends'),
    'enmime/mail-malformed-multiple-address-header-values.eml': (None, None, True, 'as mail-inlinemultipart'),
}

def evidence(path, body_charset, header_codec):
    with open(path, 'rb') as f:
        data = f.read()
    ev = {}
    if header_codec:
        m = re.search(rb'\r?\n\r?\n', data)
        head = data[:m.start() if m else len(data)]
        raw = b' '.join(re.findall(rb'[\x80-\xff][\x80-\xff\x21-\x7e]*', head))
        try:
            raw.decode(header_codec)
            ev['header_bytes_strict'] = True
        except UnicodeDecodeError:
            ev['header_bytes_strict'] = False
    if body_charset:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        body = msg.get_body(preferencelist=('plain', 'html'))
        payload = body.get_payload(decode=True) or b''
        try:
            payload.decode(body_charset)
            ev['body_bytes_strict'] = True
        except UnicodeDecodeError as e:
            ev['body_bytes_strict'] = False
            ev['body_first_error'] = '%d of %d: %r' % (e.start, len(payload), payload[e.start:e.start + 8])
    return ev

def main():
    root = os.path.dirname(os.path.abspath(__file__))
    out = {}
    for name, (body_charset, header_codec, from_bytes, why) in sorted(OVERRIDES.items()):
        p = os.path.join(root, name)
        rec = record(p, body_charset=body_charset, header_codec=header_codec, from_bytes=from_bytes)
        rec['why'] = why
        rec['codec'] = {'body': body_charset or '', 'header': header_codec or '', 'from_bytes': from_bytes}
        rec['evidence'] = evidence(p, body_charset, header_codec)
        out[name] = rec
    json.dump(out, sys.stdout, ensure_ascii=True, indent=1, sort_keys=True)
    sys.stdout.write('\n')

if __name__ == '__main__':
    main()
