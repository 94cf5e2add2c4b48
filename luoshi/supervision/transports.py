"""How a delivery leaves the machine: e-mail through Django's mail backends, or an HTTP POST to a
DingTalk or WeCom group robot in the JSON each accepts (standard library only, with a timeout).

Nothing is sent anywhere unless the office configured a channel for it (and, for e-mail, the server
has ``LUOSHI_EMAIL_HOST``; without it messages are written to files under LUOSHI_HOME/mail).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.web.display import day

from .models import Channel, ChannelKind, Delivery, Notice


class SendError(Exception):
    """The channel refused the message or could not be reached; the delivery is retried later."""

    def __init__(self, message: str, status: int | None = None, response: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.response = response


@dataclass(frozen=True)
class Sent:
    status: int | None = None
    response: str = ""


def message(notice: Notice) -> tuple[str, str]:
    """(subject, body) of a notice in plain text (Markdown-friendly for the robots)."""
    lines = []
    if notice.number:
        lines.append(notice.number)
    if notice.unit_id is not None:
        lines.append(_("主送：%(unit)s") % {"unit": notice.unit.name})
    if notice.reason:
        lines.append(_("事由：%(reason)s") % {"reason": notice.reason})
    rows = notice.rows()
    if rows:
        lines.append(_("未按期报送的单位："))
        lines.extend(f"- {r['name']}（{r['missed']}）" for r in rows[:50])
    if notice.due:
        lines.append(_("办结时限：%(due)s") % {"due": day(notice.due)})
    if notice.is_formal:
        lines.append(_("请登录系统查看全文并签收。"))
    return notice.title, "\n".join(lines)


def send_email(delivery: Delivery) -> Sent:
    from django.core.mail import EmailMessage

    subject, body = message(delivery.notice)
    try:
        sent = EmailMessage(subject=subject, body=body, to=[delivery.address]).send(fail_silently=False)
    except Exception as e:  # smtplib and socket errors alike: retried
        raise SendError(f"{type(e).__name__}: {e}") from None
    if not sent:
        raise SendError("the mail backend sent nothing")
    return Sent(None, "ok")


def dingtalk_url(url: str, secret: str, now_ms: int | None = None) -> str:
    """The robot's URL, signed when the robot has 加签 on (timestamp and HMAC-SHA256 of it)."""
    if not secret:
        return url
    timestamp = str(now_ms if now_ms is not None else int(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    return f"{url}{'&' if '?' in url else '?'}timestamp={timestamp}&sign={sign}"


def robot_payload(kind: str, notice: Notice) -> dict[str, Any]:
    subject, body = message(notice)
    text = f"### {subject}\n\n" + body.replace("\n", "\n\n")
    if kind == ChannelKind.DINGTALK:
        return {"msgtype": "markdown", "markdown": {"title": subject[:60], "text": text}}
    return {"msgtype": "markdown", "markdown": {"content": text[:4000]}}


def post_json(url: str, payload: dict[str, Any], timeout: float) -> Sent:
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(
        url, data=data, method="POST", headers={"Content-Type": "application/json; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, body = resp.status, resp.read(65536).decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        raise SendError(f"HTTP {e.code}", e.code, e.read(4096).decode("utf-8", "replace")) from None
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        raise SendError(f"{type(e).__name__}: {getattr(e, 'reason', e)}") from None
    try:
        answer = json.loads(body) if body else {}
    except ValueError:
        answer = {}
    # both robots answer 200 with {"errcode": 0, "errmsg": "ok"}; anything else is a refusal
    if isinstance(answer, dict) and answer.get("errcode", 0) != 0:
        raise SendError(f"errcode {answer.get('errcode')}: {answer.get('errmsg', '')}", status, body)
    return Sent(status, body[:2000])


def send_robot(delivery: Delivery) -> Sent:
    channel = delivery.channel
    secret = channel.secret if channel is not None and delivery.kind == ChannelKind.DINGTALK else ""
    url = (
        dingtalk_url(delivery.address, secret) if delivery.kind == ChannelKind.DINGTALK else delivery.address
    )
    return post_json(url, robot_payload(delivery.kind, delivery.notice), settings.WEBHOOK_TIMEOUT)


def send(delivery: Delivery) -> Sent:
    """Send one delivery by its channel; raises SendError on failure."""
    if delivery.kind == ChannelKind.EMAIL:
        return send_email(delivery)
    return send_robot(delivery)


def send_test(channel: Channel) -> str:
    """Send a short test message on ``channel`` now (not through the outbox) and say what happened.

    Raises :class:`SendError` when the channel refuses it or cannot be reached; nothing is recorded in
    the outbox, so a test never counts as a notice sent.
    """
    from django.core.mail import EmailMessage

    from luoshi.web.display import moment

    subject = _("【测试】落实系统通知渠道测试")
    body = _("这是督查室从落实系统发出的测试消息，用于确认通知渠道“%(name)s”可用。发送时间：%(when)s。") % {
        "name": channel.name,
        "when": moment(timezone.now()),
    }
    if channel.kind == ChannelKind.EMAIL:
        try:
            EmailMessage(subject=subject, body=body, to=channel.addresses()).send(fail_silently=False)
        except Exception as e:  # smtplib and socket errors alike
            raise SendError(f"{type(e).__name__}: {e}") from None
        if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
            return _(
                "服务器尚未配置邮件服务器，测试邮件已保存在服务器的邮件目录中，没有真正发出。"
                "请系统管理员配置邮件服务器后再试。"
            )
        return _("测试邮件已发往 %(to)s，请查收。") % {"to": "、".join(channel.addresses())}
    text = f"### {subject}\n\n{body}"
    if channel.kind == ChannelKind.DINGTALK:
        payload: dict[str, Any] = {"msgtype": "markdown", "markdown": {"title": str(subject), "text": text}}
        url = dingtalk_url(channel.target, channel.secret)
    else:
        payload = {"msgtype": "markdown", "markdown": {"content": text}}
        url = channel.target
    post_json(url, payload, settings.WEBHOOK_TIMEOUT)
    return _("群机器人已收下测试消息，请到群里查看。")


_HTTP = re.compile(r"^HTTP (\d{3})")
_ERRCODE = re.compile(r"^errcode (-?\d+): ?(.*)$", re.S)


def in_words(error: str) -> str:
    """A sending error (as recorded in English for the log) in the reader's words."""
    error = (error or "").strip()
    if not error:
        return ""
    if m := _HTTP.match(error):
        return _("对方服务器拒绝（HTTP 状态码 %(code)s），请检查地址是否正确。") % {"code": m.group(1)}
    if m := _ERRCODE.match(error):
        said = m.group(2).strip()
        return _("群机器人拒收（错误码 %(code)s）%(said)s，请检查地址、关键词或加签设置。") % {
            "code": m.group(1),
            "said": f"：{said}" if said else "",
        }
    if "timed out" in error.lower() or error.startswith("TimeoutError"):
        return _("连接超时：服务器访问不到该地址，请检查地址和网络。")
    if error.startswith(("URLError", "OSError", "ConnectionRefusedError", "gaierror")):
        return _("无法连接该地址：服务器访问不到它，请检查地址和网络。")
    if error.startswith(("SMTP", "SMTPException")) or "smtp" in error.lower():
        return _("邮件服务器拒绝发送，请系统管理员检查邮件服务器设置。")
    return _("发送失败，请检查渠道设置。")
