#!/usr/bin/env python3
"""Logs in to a Vigie on loopback as a load test would: password, then the TOTP code an authenticator
app would show, through the real pages (antiforgery tokens included). Prints the Cookie header of the
session. Usage: login.py BASE_URL ACCOUNT_FILE (the file of `Vigie.Bench generate`: e-mail, password,
TOTP key, one a line). Every request carries X-Forwarded-Proto: https, as a TLS-terminating proxy
would add: Production cookies are Secure, so they are handled here by hand, not by a cookie jar."""
import base64, hashlib, hmac, html, re, struct, sys, time, urllib.error, urllib.parse, urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)
cookies = {}


def call(base, path, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(base + path, data=data, headers={"X-Forwarded-Proto": "https"})
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        response = opener.open(request, timeout=30)
    except urllib.error.HTTPError as redirect:  # 3xx arrive here with NoRedirect
        response = redirect
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        value = rest.split(";", 1)[0]
        if value:
            cookies[name] = value
        else:
            cookies.pop(name, None)
    return response.status, response.headers.get("Location", ""), response.read().decode("utf-8", "replace")


def token(body):
    match = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', body) or \
        re.search(r'type="hidden" name="__RequestVerificationToken" value="([^"]+)"', body) or \
        re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', body)
    if not match:
        sys.exit("No antiforgery token in the page")
    return html.unescape(match.group(1))


def totp(key, at):
    secret = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    digest = hmac.new(secret, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def main():
    base, account = sys.argv[1], sys.argv[2]
    email, password, key = [line.strip() for line in open(account, encoding="utf-8").read().splitlines()[:3]]
    status, _, body = call(base, "/compte/connexion")
    if status != 200:
        sys.exit(f"GET /compte/connexion answered {status}")
    status, location, _ = call(base, "/compte/connexion", {"Email": email, "Password": password, "__RequestVerificationToken": token(body)})
    if status != 302 or not location.startswith("/compte/code"):
        sys.exit(f"Password step answered {status} {location}")
    status, _, body = call(base, location)
    status, location, _ = call(base, "/compte/code", {"Code": totp(key, time.time()), "__RequestVerificationToken": token(body)})
    if status != 302 or location != "/":
        sys.exit(f"Code step answered {status} {location}")
    session = {k: v for k, v in cookies.items() if k in ("__Host-vigie", "vigie")}
    if not session:
        sys.exit("No session cookie after the code step")
    print("Cookie: " + "; ".join(f"{k}={v}" for k, v in session.items()))


main()
