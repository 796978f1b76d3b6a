#!/usr/bin/env python3
"""Writes the generated secrets fixtures from the rule data files.

Every provider rule's `example` template (its documented token format: literal prefix,
`{set:n}` runs of random characters, `{uuid}`, `{crc}`, `{crchex}`) is rendered with synthetic random
characters, deterministically per rule. Nothing here is a real credential.

    <rule-slug>/bad-generated.txt   the example, plus JSON and YAML spellings of `NAME=value`
                                    examples; each preceded by `# expect: secrets/<slug> <the
                                    first characters of the secret>` (testdata/README.md)
    <rule-slug>/ok-generated.txt    the same shapes with the random part a repeated character
                                    (a placeholder) or cut to half its length (at most 8
                                    characters): near-misses, none of which may fire the rule

Run from anywhere: python3 testdata/secrets/generate.py
"""

import hashlib
import base64
import random
import re
import tomllib
import uuid
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "rules" / "data" / "secrets"
OUT = Path(__file__).resolve().parent

SETS = {
    "hex": "0123456789abcdef",
    "HEX": "0123456789ABCDEF",
    "alnum": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "alpha": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "lower": "abcdefghijklmnopqrstuvwxyz0123456789",
    "upper": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "b64": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
    "b64url": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
    "digits": "0123456789",
    "b32": "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
    "b32lower": "abcdefghijklmnopqrstuvwxyz234567",
    "bech32": "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
}
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# `{assign}` in a pattern, as analyzers/src/secrets/engine.rs expands it (the fixtures test
# fails on a drift: the expected start of a secret would no longer match).
ASSIGN = r"""[\w.\-]{0,40}?(?:["']?\]?\s{0,4}(?:[.+?]?=|:=|:|=>|<-|>)|["']\s{0,4},|["']\s{1,4}value\s{0,4}=)\s{0,4}["'`]?"""
TOKEN = re.compile(r"\{(uuid|crchex|crc|macaroon:[a-z.]+|[A-Za-z0-9]+:\d+)\}")


def looks_made_up(run):
    """Runs and sequences would be (rightly) filtered as placeholders; avoid them."""
    for a, b, c in zip(run, run[1:], run[2:]):
        if a == b == c or (ord(b) - ord(a) == 1 and ord(c) - ord(b) == 1):
            return True
    low = run.lower()
    return any(m in low for m in ("xxxx", "example", "test", "todo", "dummy", "fake", "sample"))


def random_run(rng, charset, n):
    while True:
        run = "".join(rng.choice(charset) for _ in range(n))
        # Tokens do not end in a separator in practice: keep the edges alphanumeric.
        if n > 2 and not (run[0].isalnum() and run[-1].isalnum()):
            continue
        if not looks_made_up(run):
            return run


def macaroon(rng, location, mode):
    """A version-2 binary macaroon as PyPI issues them (location, identifier, one caveat,
    32-byte signature), base64url without padding; the near-misses keep only its location
    packet, then a repeated character or a short random run."""
    head = bytes([2, 1, len(location)]) + location.encode()
    if mode != "random":
        text = base64.urlsafe_b64encode(head).decode().rstrip("=")
        filler = "g" * 140 if mode == "placeholder" else random_run(rng, SETS["alnum"], 8)
        return text + filler

    def packet(kind, data):
        return bytes([kind, len(data)]) + data

    identifier = str(uuid.UUID(int=rng.getrandbits(128), version=4)).encode()
    caveat = b'{"version": 1, "permissions": "user"}'
    signature = bytes(rng.getrandbits(8) for _ in range(32))
    data = head + packet(2, identifier) + b"\0" + packet(2, caveat) + b"\0" + b"\0" + packet(6, signature)
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def base62(value, width):
    out = ""
    while value:
        out = BASE62[value % 62] + out
        value //= 62
    return out.rjust(width, "0")


def render(template, rng, mode="random"):
    """mode: random | placeholder (a repeated character) | short (half-length runs)."""
    out = []
    last = ""
    pos = 0
    for m in TOKEN.finditer(template):
        out.append(template[pos : m.start()])
        spec = m.group(1)
        if spec == "uuid":
            if mode == "placeholder":
                piece = "00000000-0000-0000-0000-000000000000"
            elif mode == "short":
                piece = str(uuid.UUID(int=rng.getrandbits(128)))[:18]
            else:
                piece = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        elif spec.startswith("macaroon:"):
            piece = macaroon(rng, spec.split(":", 1)[1], mode)
        elif spec == "crc":
            piece = base62(zlib.crc32(last.encode()), 6) if mode == "random" else "000000"
        elif spec == "crchex":
            # CRC32 of the token so far (its prefix and random run: the word characters
            # written last), as 8 hex digits (Private Packagist's documented checksum).
            body = re.search(r"\w*$", "".join(out)).group()
            piece = f"{zlib.crc32(body.encode()):08x}" if mode == "random" else "00000000"
        else:
            name, n = spec.split(":")
            n = int(n)
            charset = SETS[name]
            if mode == "placeholder":
                piece = charset[len(charset) // 2] * n
            elif mode == "short":
                piece = random_run(rng, charset, max(1, min(n // 2, 8)))
            else:
                piece = random_run(rng, charset, n)
        last = piece
        out.append(piece)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out)


def spellings(line):
    """`NAME=value` also as JSON and YAML entries, as configs write them."""
    m = re.fullmatch(r"([A-Z][A-Z0-9_]*)=(\S+)", line)
    if not m:
        return [line]
    name, value = m.groups()
    value = value.strip("\"'")
    return [line, f'  "{name.lower()}": "{value}",', f"{name.lower()}: '{value}'"]


def expectation(rule_id, pattern, line):
    """The `expect:` comment for a positive line: the rule and the start of its secret (the
    pattern's `secret` group, else the whole match); only a prefix, so that the comment is
    not itself a secret."""
    found = re.search(pattern.replace("{assign}", ASSIGN), line)
    if not found:
        return f"# expect: {rule_id}"
    secret = found.group("secret") if "secret" in found.re.groupindex else found.group(0)
    return f"# expect: {rule_id} {secret[:8]}"


def main():
    for path in sorted(DATA.glob("*.toml")):
        family = path.stem
        rules = tomllib.loads(path.read_text())["rule"]
        source = f"Written by testdata/secrets/generate.py from rules/data/secrets/{family}.toml: synthetic values."
        for rule in rules:
            rule_id = "secrets/" + rule["id"]
            seed = int.from_bytes(hashlib.sha256(rule_id.encode()).digest()[:8], "big")
            rng = random.Random(seed)
            positives = [f"# {source}"]
            for line in spellings(render(rule["example"], rng)):
                positives += [expectation(rule_id, rule["pattern"], line), line]
            misses = [f"# {source} Near-misses: none may fire {rule_id}."]
            for mode in ("placeholder", "short"):
                misses.append(render(rule["example"], rng, mode))
            folder = OUT / rule["id"]
            folder.mkdir(exist_ok=True)
            (folder / "bad-generated.txt").write_text("\n".join(positives) + "\n")
            (folder / "ok-generated.txt").write_text("\n".join(misses) + "\n")


if __name__ == "__main__":
    main()
