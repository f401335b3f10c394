"""What a consumer needs from a domain's generated AsyncAPI document, and nothing more: the Redis
key of a stream (its channel's `address`) and, per event type, the JSON Schemas of an entry's
attributes (the message `headers`) and of its data (the message `payload`).

No TypeScript, no mesh library: the published document is the whole contract.
"""

import json
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import jsonschema
import yaml


class ContractError(Exception):
    """The document does not describe a stream this program can read."""


@dataclass
class Verdict:
    """What one stream entry turned out to be."""

    outcome: str  # 'valid', 'invalid' (breaks its schema or is no event) or 'unknown' (type not in the document)
    event_type: Optional[str]
    event_id: Optional[str]
    reason: str = ""


@dataclass
class StreamContract:
    name: str  # the channel id and title: the stream's name, e.g. orders.order.v1
    key: str  # the channel address: the Redis key to read, e.g. {orders.order.v1}
    checks: Dict[str, "EventCheck"] = field(default_factory=dict)

    def check(self, fields: Dict[str, str]) -> Verdict:
        """Decodes an entry as @mesh/messaging writes it (CloudEvents attributes as fields, `data` as
        JSON) and checks it against the document."""
        event_type, event_id = fields.get("type"), fields.get("id")
        if "data" not in fields:
            return Verdict("invalid", event_type, event_id, "the entry has no `data` field")
        try:
            data = json.loads(fields["data"])
        except ValueError as error:
            return Verdict("invalid", event_type, event_id, f"data is not JSON: {error}")
        if event_type is None:
            return Verdict("invalid", None, event_id, "the entry has no `type` attribute")
        check = self.checks.get(event_type)
        if check is None:
            reason = f"{event_type} is not a message of {self.name} in the document"
            return Verdict("unknown", event_type, event_id, reason)
        attributes = {name: value for name, value in fields.items() if name != "data"}
        issues = check.headers(attributes) + check.payload(data)
        if issues:
            return Verdict("invalid", event_type, event_id, "; ".join(issues))
        return Verdict("valid", event_type, event_id)


@dataclass
class EventCheck:
    headers: Callable[[object], List[str]]
    payload: Callable[[object], List[str]]


def load_stream_contract(path: str, channel: Optional[str] = None) -> StreamContract:
    """The stream of `channel` (a channel id), by default the one the document's product publishes
    to: the channel of its one `send` operation."""
    with open(path, encoding="utf-8") as source:
        document = yaml.load(source, Loader=Yaml12Loader)
    channel_id = channel or _published_channel(document)
    found = document.get("channels", {}).get(channel_id)
    if found is None:
        raise ContractError(f"{path} has no channel {channel_id}")
    contract = StreamContract(channel_id, found["address"])
    for reference in found.get("messages", {}).values():
        message = _resolve(document, reference["$ref"]) if "$ref" in reference else reference
        if "payload" not in message:
            producer = found.get("x-producer", "its producer")
            raise ContractError(
                f"{path} does not define the payloads of {channel_id}: read the document of {producer}, "
                "which publishes it"
            )
        event_type = message["headers"]["properties"]["type"].get("const", message["name"])
        contract.checks[event_type] = EventCheck(
            headers=_validator(document, _pointer_of(document, message, "headers"), "attribute"),
            payload=_validator(document, _pointer_of(document, message, "payload"), "data"),
        )
    if not contract.checks:
        raise ContractError(f"channel {channel_id} in {path} carries no message")
    return contract


def _published_channel(document: dict) -> str:
    operations = document.get("operations", {}).values()
    sends = [operation for operation in operations if operation.get("action") == "send"]
    if len(sends) != 1:
        raise ContractError(f"the document has {len(sends)} send operations; name the channel with --channel")
    return _unescape(sends[0]["channel"]["$ref"].removeprefix("#/channels/"))


def _validator(document: dict, pointer: str, label: str) -> Callable[[object], List[str]]:
    """A tolerant-reader validator of the schema at `pointer`: fields the schema does not know are
    ignored (a producer may add optional fields without breaking anyone). The schema is reached by
    a `$ref` from a root that holds the document's components, so that the `$ref`s inside it
    (`#/components/schemas/…`) resolve as they do in the document."""
    root = tolerant({"$ref": pointer, "components": document["components"]})
    validator = jsonschema.Draft202012Validator(root, format_checker=jsonschema.FormatChecker())

    def issues(instance: object) -> List[str]:
        found = sorted(validator.iter_errors(instance), key=lambda error: [str(part) for part in error.absolute_path])
        return [f"{label} /{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in found]

    return issues


def tolerant(schema: object) -> object:
    """`schema` without `additionalProperties: false` anywhere: the mesh's tolerant reader rule,
    the same as the contract kit's `allowUnknownProperties`."""
    if isinstance(schema, list):
        return [tolerant(item) for item in schema]
    if isinstance(schema, dict):
        return {
            key: tolerant(value)
            for key, value in schema.items()
            if not (key == "additionalProperties" and value is False)
        }
    return schema


def _pointer_of(document: dict, message: dict, part: str) -> str:
    for name, candidate in document["components"]["messages"].items():
        if candidate is message:
            return f"#/components/messages/{_escape(name)}/{part}"
    raise ContractError(f"message {message.get('name')} is not under components/messages")


def _resolve(document: dict, reference: str) -> dict:
    node = document
    for token in reference.removeprefix("#/").split("/"):
        node = node[_unescape(token)]
    return node


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class Yaml12Loader(yaml.SafeLoader):
    """The documents are YAML 1.2 (what the `yaml` npm package writes); PyYAML reads YAML 1.1, where
    plain `on`, `yes`, `1_000` or `2026-11-28T09:30:00Z` are not strings. This loader resolves
    plain scalars by the YAML 1.2 core schema, so an enum value or an example stays the string the
    producer meant."""


_YAML_11_ONLY = ("bool", "int", "float", "timestamp")
Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag.rsplit(":", 1)[1] not in _YAML_11_ONLY]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_YAML_12_CORE = [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
]
for _tag, _pattern, _first in _YAML_12_CORE:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))
