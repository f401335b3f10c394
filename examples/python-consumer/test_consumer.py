"""`/usr/bin/python3 -B -m unittest discover -s examples/python-consumer`: the contract checks
against the committed orders document, and the reader against a real Redis (REDIS_URL, logical
database 5; `npm test` brings one up, and without one these tests fail rather than skip)."""

import copy
import dataclasses
import json
import os
import unittest
from pathlib import Path

import redis
import yaml

from mesh_contract import ContractError, Yaml12Loader, load_stream_contract
from stream_reader import consume

ORDERS = Path(__file__).resolve().parents[2] / "libs/orders/contracts/generated/asyncapi.yaml"


def example_entries():
    """One stream entry per event type, as @mesh/messaging writes it, from the document's examples."""
    document = yaml.load(ORDERS.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    entries = {}
    for event_type, message in document["components"]["messages"].items():
        example = message["examples"][0]
        entries[event_type] = {**example["headers"], "data": json.dumps(example["payload"])}
    return entries


class StreamContractTest(unittest.TestCase):
    contract = load_stream_contract(str(ORDERS))
    entries = example_entries()

    def test_takes_the_key_from_the_channel_address(self):
        self.assertEqual(self.contract.name, "orders.order.v1")
        self.assertEqual(self.contract.key, "{orders.order.v1}")
        self.assertEqual(
            sorted(self.contract.checks), ["orders.order.cancelled", "orders.order.placed", "orders.order.shipped"]
        )

    def test_accepts_every_example_of_the_document(self):
        for event_type, fields in self.entries.items():
            with self.subTest(event_type):
                self.assertEqual(self.contract.check(fields).outcome, "valid")

    def test_ignores_unknown_fields_as_a_tolerant_reader(self):
        fields = self.with_data("orders.order.placed", lambda data: data.update(giftWrap=True))
        fields["someday"] = "a new attribute"
        self.assertEqual(self.contract.check(fields).outcome, "valid")

    def test_refuses_data_that_breaks_its_schema_and_says_where(self):
        fields = self.with_data("orders.order.placed", lambda data: data.update(total="lots", lines=[]))
        verdict = self.contract.check(fields)
        self.assertEqual(verdict.outcome, "invalid")
        self.assertIn("data /lines: [] is too short", verdict.reason)
        self.assertIn("data /total: 'lots' is not of type 'integer'", verdict.reason)

    def test_refuses_attributes_that_break_the_headers_schema(self):
        fields = {**self.entries["orders.order.shipped"], "specversion": "0.3"}
        self.assertIn("attribute /specversion", self.contract.check(fields).reason)

    def test_tells_an_unknown_type_and_data_that_is_no_json(self):
        placed = self.entries["orders.order.placed"]
        self.assertEqual(self.contract.check({**placed, "type": "x.y.z"}).outcome, "unknown")
        self.assertIn("not JSON", self.contract.check({**placed, "data": "{"}).reason)

    def test_refuses_a_channel_whose_payloads_another_document_defines(self):
        with self.assertRaisesRegex(ContractError, "read the document of customers"):
            load_stream_contract(str(ORDERS), "customers.customer.v1")

    def test_reads_plain_yaml_scalars_as_yaml_1_2_does(self):
        loaded = yaml.load("a: on\nb: 2026-11-28T09:30:00Z\nc: 1_000\nd: true\ne: 12\nf: 1.5\n", Loader=Yaml12Loader)
        self.assertEqual(loaded, {"a": "on", "b": "2026-11-28T09:30:00Z", "c": "1_000", "d": True, "e": 12, "f": 1.5})

    def with_data(self, event_type, change):
        fields = dict(self.entries[event_type])
        data = copy.deepcopy(json.loads(fields["data"]))
        change(data)
        fields["data"] = json.dumps(data)
        return fields


def redis_for_tests():
    url = redis.connection.parse_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"))
    client = redis.Redis(**{**url, "db": 5}, decode_responses=True, socket_connect_timeout=1)
    client.ping()
    return client


class ConsumeTest(unittest.TestCase):
    def setUp(self):
        self.client = redis_for_tests()
        # The orders contract on a key of this test's own, so no other reader sees its entries.
        key = f"{{python-consumer-test.{os.getpid()}}}"
        self.contract = dataclasses.replace(load_stream_contract(str(ORDERS)), key=key)
        self.client.delete(self.contract.key)

    def tearDown(self):
        self.client.delete(self.contract.key)
        self.client.close()

    def test_acks_valid_entries_leaves_invalid_ones_pending_and_reports_them_again_on_a_rerun(self):
        entries = example_entries()
        for fields in entries.values():
            self.client.xadd(self.contract.key, fields)
        poison = {**entries["orders.order.placed"], "data": json.dumps({"total": "lots"})}
        poison_id = self.client.xadd(self.contract.key, poison)

        tally = consume(self.client, self.contract, "test-group", "test-consumer", block_ms=50)
        counts = (tally.events, tally.valid, tally.invalid, tally.acked, tally.pending, tally.stopped)
        self.assertEqual(counts, (4, 3, 1, 3, 1, "drained"))
        self.assertEqual([problem.entry_id for problem in tally.problems], [poison_id])

        rerun = consume(self.client, self.contract, "test-group", "test-consumer", block_ms=50)
        self.assertTrue(rerun.group_existed)
        self.assertEqual((rerun.events, rerun.invalid, rerun.acked, rerun.pending), (1, 1, 0, 1))

    def test_stops_after_max_events(self):
        for fields in example_entries().values():
            self.client.xadd(self.contract.key, fields)
        tally = consume(self.client, self.contract, "test-group", "test-consumer", batch=2, max_events=2)
        self.assertEqual((tally.events, tally.acked, tally.stopped), (2, 2, "max-events"))


if __name__ == "__main__":
    unittest.main()
