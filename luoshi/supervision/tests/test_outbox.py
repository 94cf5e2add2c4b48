"""Sending notices: DingTalk and WeCom robots (a local HTTP server stands in for them), e-mail through
Django's backends, retries, the record of each attempt, and a sender killed halfway."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail

from luoshi.supervision import outbox, transports
from luoshi.supervision.models import Channel, Delivery, DeliveryAttempt, DeliveryState, Notice
from luoshi.supervision.supervisor import Supervisor

from .factory import make_supervised_task
from .robots import Robot

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def robot() -> Iterator[Robot]:
    r = Robot()
    yield r
    r.close()


@pytest.fixture
def overdue(unit_a: Any, unit_b: Any, clock: Any) -> list[Any]:
    """Three reports 5 working days overdue: three blue 督办单 once the run has gone."""
    tasks = [make_supervised_task(u) for u in (unit_a, unit_b, unit_a)]
    clock(2026, 10, 20)
    return tasks


def test_a_dingtalk_robot_gets_markdown_on_a_signed_url(robot: Robot, overdue: Any) -> None:
    Channel.objects.create(name="钉钉", kind="dingtalk", target=robot.url, secret="SEC123", kinds=["order"])
    result = Supervisor().run()
    assert result.counts["sent"] == 3
    first = robot.received[0]
    assert first["json"]["msgtype"] == "markdown"
    assert first["json"]["markdown"]["title"].startswith("关于督促办理")
    assert "督办〔2026〕" in first["json"]["markdown"]["text"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(first["path"]).query)
    assert set(query) == {"access_token", "timestamp", "sign"}
    assert first["type"].startswith("application/json")


def test_the_dingtalk_signature_is_the_hmac_of_the_timestamp_and_secret() -> None:
    import base64
    import hashlib
    import hmac

    url = transports.dingtalk_url("https://robot/send?access_token=x", "SEC", now_ms=1700000000000)
    expected = base64.b64encode(hmac.new(b"SEC", b"1700000000000\nSEC", hashlib.sha256).digest()).decode()
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query == {"access_token": ["x"], "timestamp": ["1700000000000"], "sign": [expected]}


def test_a_wecom_robot_gets_markdown_content(robot: Robot, overdue: Any) -> None:
    Channel.objects.create(name="企业微信", kind="wecom", target=robot.url, kinds=["order"])
    Supervisor().run()
    payload = robot.received[0]["json"]
    assert set(payload) == {"msgtype", "markdown"}
    assert "主送：" in payload["markdown"]["content"]


def test_a_channel_for_one_unit_only_gets_that_units_notices(robot: Robot, overdue: Any, unit_b: Any) -> None:
    Channel.objects.create(name="教育厅", kind="wecom", target=robot.url, unit=unit_b, kinds=["order"])
    Supervisor().run()
    assert len(robot.received) == 1
    assert "自治区教育厅" in robot.received[0]["json"]["markdown"]["content"]


def test_a_refused_message_is_retried_later_and_each_attempt_is_kept(
    robot: Robot, overdue: Any, clock: Any
) -> None:
    Channel.objects.create(name="钉钉", kind="dingtalk", target=robot.url, kinds=["order"])
    robot.answers = [(500, {}), (200, {"errcode": 310000, "errmsg": "sign not match"})]
    result = Supervisor().run()
    assert (result.counts["sent"], result.counts["retrying"]) == (1, 2)
    failed = Delivery.objects.filter(state=DeliveryState.PENDING)
    assert {d.last_error for d in failed} == {"HTTP 500", "errcode 310000: sign not match"}
    assert outbox.send_pending().sent == 0  # not yet: the pause after a failure is one minute
    clock(2026, 10, 20, hour=11)
    assert outbox.send_pending().sent == 2
    assert DeliveryAttempt.objects.count() == 5
    assert DeliveryAttempt.objects.filter(ok=False, status=500).count() == 1


def test_an_unreachable_robot_is_given_up_after_five_attempts(overdue: Any, time_machine: Any) -> None:
    Channel.objects.create(name="坏地址", kind="wecom", target="http://127.0.0.1:9/none", kinds=["order"])
    Supervisor().run()
    from .factory import at

    for hour in range(11, 20):
        time_machine.move_to(at(2026, 10, 20, hour), tick=False)
        outbox.send_pending()
    assert set(Delivery.objects.values_list("state", "attempts")) == {(DeliveryState.FAILED, 5)}
    assert DeliveryAttempt.objects.filter(ok=False).count() == 15


def test_e_mail_goes_through_djangos_mail_backend(overdue: Any) -> None:
    Channel.objects.create(
        name="督查室邮箱", kind="email", target="dcs@example.gov.cn; leader@example.gov.cn", kinds=["order"]
    )
    Supervisor().run()
    assert len(mail.outbox) == 6
    assert mail.outbox[0].subject.startswith("关于督促办理")
    assert "办结时限" in mail.outbox[0].body


def test_two_senders_never_claim_the_same_delivery(overdue: Any) -> None:
    Channel.objects.create(name="钉钉", kind="dingtalk", target="http://127.0.0.1:9/x", kinds=["order"])
    Supervisor(send=False).run()
    _t1, first = outbox.claim(2)
    _t2, second = outbox.claim(10)
    assert len(first) == 2
    assert len(second) == 1
    assert not {d.pk for d in first} & {d.pk for d in second}


def test_a_sender_killed_halfway_neither_loses_nor_duplicates(
    robot: Robot, overdue: Any, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    Channel.objects.create(name="钉钉", kind="dingtalk", target=robot.url, kinds=["order"])
    calls = {"n": 0}
    real = transports.send

    def killed_at_the_second(d: Delivery) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(d)

    with pytest.raises(KeyboardInterrupt):
        Supervisor(transport=killed_at_the_second).run()
    assert len(robot.received) == 1
    Supervisor().run()  # started again at once: the rest go, the one claimed when killed waits for its lease
    assert len(robot.received) == 2
    clock(2026, 10, 20, hour=11)
    Supervisor().run()
    assert len(robot.received) == 3
    notices = [r["json"]["markdown"]["title"] for r in robot.received]
    assert len(set(notices)) == 3 or Notice.objects.count() == 3
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}
    assert DeliveryAttempt.objects.filter(finished_at__isnull=True).count() == 1  # the interrupted try, kept
