"""Reads a mesh stream the way every mesh consumer does, with a consumer group of its own, and
checks each entry against the contract: valid entries are acknowledged, the others are reported
and left pending, where `XPENDING` shows them until someone deals with them."""

import time
from dataclasses import dataclass, field
from typing import List, Optional

import redis

from mesh_contract import StreamContract, Verdict


@dataclass
class Problem:
    entry_id: str
    verdict: Verdict


@dataclass
class Tally:
    key: str
    group: str
    group_existed: bool = False
    events: int = 0
    valid: int = 0
    invalid: int = 0
    unknown: int = 0
    acked: int = 0
    pending: int = 0
    stopped: str = "drained"  # or 'max-events', 'timeout'
    problems: List[Problem] = field(default_factory=list)


def consume(
    client: redis.Redis,
    contract: StreamContract,
    group: str,
    consumer: str,
    batch: int = 100,
    block_ms: int = 1000,
    max_events: Optional[int] = None,
    timeout_s: Optional[float] = None,
) -> Tally:
    """Creates `group` on the stream from its first entry (MKSTREAM: a stream nobody wrote to yet
    is empty, not an error), then reads until a read returns nothing (drained), `max_events`
    entries were read or `timeout_s` passed. Entries this consumer was given before and did not
    acknowledge (a crash, or invalid ones) are read first, from the group's history."""
    tally = Tally(contract.key, group)
    try:
        client.xgroup_create(contract.key, group, id="0", mkstream=True)
    except redis.ResponseError as error:
        if not str(error).startswith("BUSYGROUP"):
            raise
        tally.group_existed = True  # a rerun: the group goes on from where it was
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    history_from: Optional[str] = "0"  # None once the history is read; then new entries, '>'
    while True:
        if max_events is not None and tally.events >= max_events:
            tally.stopped = "max-events"
            break
        if deadline is not None and time.monotonic() >= deadline:
            tally.stopped = "timeout"
            break
        count = batch if max_events is None else min(batch, max_events - tally.events)
        if history_from is not None:
            entries = _read(client, contract.key, group, consumer, history_from, count, None)
            if not entries:
                history_from = None
                continue
            history_from = entries[-1][0]
        else:
            block = block_ms if deadline is None else min(block_ms, int((deadline - time.monotonic()) * 1000))
            entries = _read(client, contract.key, group, consumer, ">", count, max(1, block))
            if not entries:  # drained: nothing new within the block time (unless time ran out meanwhile)
                if deadline is not None and time.monotonic() >= deadline:
                    tally.stopped = "timeout"
                break
        _check_and_ack(client, contract, group, entries, tally)
    tally.pending = client.xpending(contract.key, group)["pending"]
    return tally


def _read(client, key, group, consumer, from_id, count, block_ms):
    reply = client.xreadgroup(group, consumer, {key: from_id}, count=count, block=block_ms)
    return reply[0][1] if reply else []


def _check_and_ack(client, contract: StreamContract, group: str, entries, tally: Tally) -> None:
    valid_ids = []
    for entry_id, fields in entries:
        tally.events += 1
        # An entry trimmed away after it was delivered comes back from the history without fields.
        verdict = contract.check(fields) if fields else Verdict("invalid", None, None, "the entry is gone")
        if verdict.outcome == "valid":
            tally.valid += 1
            valid_ids.append(entry_id)
        else:
            tally.invalid += verdict.outcome == "invalid"
            tally.unknown += verdict.outcome == "unknown"
            tally.problems.append(Problem(entry_id, verdict))
    if valid_ids:
        tally.acked += client.xack(contract.key, group, *valid_ids)
