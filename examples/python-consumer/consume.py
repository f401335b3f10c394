#!/usr/bin/python3
"""python-consumer: reads a mesh stream knowing nothing but the domain's generated AsyncAPI
document. The stream key comes from the channel's address and the JSON Schema of each event type
from its message; every entry is checked, valid ones are acknowledged, the others reported.

    /usr/bin/python3 examples/python-consumer/consume.py \\
        --asyncapi libs/orders/contracts/generated/asyncapi.yaml [--json]

Exit codes: 0 every event valid; 1 an event was invalid or of a type the document does not list;
2 bad arguments, document or Redis; 3 Python modules missing (the message names the packages).
"""

import argparse
import importlib.util
import json
import os
import socket
import sys

# Debian's packages (not pip): the example runs on /usr/bin/python3 as a machine has it.
DEBIAN_PACKAGES = {"redis": "python3-redis", "jsonschema": "python3-jsonschema", "yaml": "python3-yaml"}


def missing_packages():
    return [package for module, package in DEBIAN_PACKAGES.items() if importlib.util.find_spec(module) is None]


def arguments(argv):
    parser = argparse.ArgumentParser(prog="python-consumer", description=__doc__.split("\n\n")[0])
    parser.add_argument("--asyncapi", required=True, help="a domain's generated asyncapi.yaml")
    parser.add_argument("--channel", help="channel id (stream name); default: the channel the document publishes to")
    parser.add_argument("--redis-url", help="one server (default: REDIS_URL, else redis://127.0.0.1:6379)")
    parser.add_argument("--redis-cluster-nodes", help="a Redis Cluster, host:port comma-separated (default: REDIS_CLUSTER_NODES)")
    parser.add_argument("--redis-sentinels", help="sentinels, host:port comma-separated (default: REDIS_SENTINELS)")
    parser.add_argument("--redis-sentinel-master", help="the master's name at the sentinels (default: REDIS_SENTINEL_MASTER)")
    parser.add_argument("--group", default="python-consumer", help="consumer group, created if missing")
    parser.add_argument("--consumer", default=f"python-{socket.gethostname()}-{os.getpid()}")
    parser.add_argument("--batch", type=int, default=100, help="entries per XREADGROUP")
    parser.add_argument("--block-ms", type=int, default=1000, help="a read that waits this long for nothing: drained")
    parser.add_argument("--max-events", type=int, help="stop after this many entries")
    parser.add_argument("--timeout", type=float, help="stop after this many seconds")
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    return parser.parse_args(argv)


def summary_line(tally):
    unknown = f", {tally.unknown} of unknown type" if tally.unknown else ""
    return (
        f"python-consumer: {tally.events} events from {tally.key}, {tally.valid} valid, "
        f"{tally.invalid} invalid{unknown}, acked {tally.acked}"
    )


def as_json(contract, tally, consumer):
    return {
        "summary": summary_line(tally),
        "stream": contract.name,
        "key": tally.key,
        "group": tally.group,
        "groupExisted": tally.group_existed,
        "consumer": consumer,
        "events": tally.events,
        "valid": tally.valid,
        "invalid": tally.invalid,
        "unknown": tally.unknown,
        "acked": tally.acked,
        "pending": tally.pending,
        "stopped": tally.stopped,
        "problems": [
            {
                "entryId": problem.entry_id,
                "outcome": problem.verdict.outcome,
                "type": problem.verdict.event_type,
                "id": problem.verdict.event_id,
                "reason": problem.verdict.reason,
            }
            for problem in tally.problems
        ],
    }


def main(argv):
    options = arguments(argv)
    missing = missing_packages()
    if missing:
        print(
            f"python-consumer: missing Debian package(s) {' '.join(missing)}; install them with "
            f"`apt-get install -y --no-install-recommends {' '.join(missing)}` and run with /usr/bin/python3",
            file=sys.stderr,
        )
        return 3
    # Imported only now, so that a missing module gives the message above rather than a traceback.
    import redis

    from mesh_contract import ContractError, load_stream_contract
    from redis_connection import connect
    from stream_reader import consume

    try:
        contract = load_stream_contract(options.asyncapi, options.channel)
        client = connect(options.redis_url, options.redis_cluster_nodes, options.redis_sentinels, options.redis_sentinel_master)
        tally = consume(
            client,
            contract,
            options.group,
            options.consumer,
            batch=options.batch,
            block_ms=options.block_ms,
            max_events=options.max_events,
            timeout_s=options.timeout,
        )
    except (OSError, ValueError, ContractError, KeyError, redis.RedisError) as error:
        print(f"python-consumer: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    for problem in tally.problems:
        verdict = problem.verdict
        print(
            f"python-consumer: {verdict.outcome} entry {problem.entry_id} ({verdict.event_type} {verdict.event_id}): "
            f"{verdict.reason}",
            file=sys.stderr,
        )
    print(json.dumps(as_json(contract, tally, options.consumer)) if options.json else summary_line(tally))
    return 0 if tally.invalid == 0 and tally.unknown == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
