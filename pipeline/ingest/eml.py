"""E-mails (press releases often arrive that way): Subject = title, Date = date, From = publisher."""

from __future__ import annotations

import email
import email.policy
import email.utils

from pipeline.ingest.clean import plain_text_blocks
from pipeline.ingest.dates import parse_date
from pipeline.ingest.extracted import Extracted, IngestError
from pipeline.ingest.html import read_html


def read_eml(data: bytes) -> list[Extracted]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise IngestError("E-Mail hat keinen Text- oder HTML-Teil – bitte den Text als .txt liefern")
    content = body.get_content()
    if body.get_content_type() == "text/html":
        text = read_html(content)[0].text
    else:
        text = plain_text_blocks(content)
    name, address = email.utils.parseaddr(str(message.get("From", "")))
    return [
        Extracted(
            text,
            "eml",
            title=str(message.get("Subject", "")),
            date=parse_date(str(message.get("Date", ""))),
            publisher=name or address,
        )
    ]
