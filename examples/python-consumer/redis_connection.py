"""The Redis a consumer reads from, laid out as the mesh's services take it from their environment:
one server (REDIS_URL), a Redis Cluster (REDIS_CLUSTER_NODES, host:port comma-separated) or a master
watched by Sentinel (REDIS_SENTINELS and REDIS_SENTINEL_MASTER); REDIS_USERNAME and REDIS_PASSWORD
are the consumer's ACL user. An empty variable counts as unset, as for the services."""

import os


def _set(value):
    return value if value else None


def _endpoints(text):
    endpoints = []
    for item in text.split(","):
        host, _, port = item.strip().rpartition(":")
        if not host or not port.isdigit():
            raise ValueError(f'"{item.strip()}" is not host:port')
        endpoints.append((host, int(port)))
    return endpoints


def connect(redis_url=None, cluster_nodes=None, sentinels=None, sentinel_master=None, environ=os.environ):
    """A redis-py client for the one layout given (arguments first, then the environment)."""
    import redis

    url = _set(redis_url) or _set(environ.get("REDIS_URL"))
    nodes = _set(cluster_nodes) or _set(environ.get("REDIS_CLUSTER_NODES"))
    watched = _set(sentinels) or _set(environ.get("REDIS_SENTINELS"))
    master = _set(sentinel_master) or _set(environ.get("REDIS_SENTINEL_MASTER"))
    given = [name for name, value in (("REDIS_URL", url), ("REDIS_CLUSTER_NODES", nodes), ("REDIS_SENTINELS", watched)) if value]
    if len(given) > 1:
        raise ValueError(f"set only one of {', '.join(given)}: they describe different topologies")
    credentials = {"username": _set(environ.get("REDIS_USERNAME")), "password": _set(environ.get("REDIS_PASSWORD"))}
    if nodes:
        from redis.cluster import ClusterNode, RedisCluster

        startup = [ClusterNode(host, port) for host, port in _endpoints(nodes)]
        return RedisCluster(startup_nodes=startup, decode_responses=True, **credentials)
    if watched:
        if not master:
            raise ValueError("REDIS_SENTINEL_MASTER is required with REDIS_SENTINELS")
        from redis.sentinel import Sentinel

        return Sentinel(_endpoints(watched), socket_timeout=5).master_for(master, decode_responses=True, **credentials)
    return redis.Redis.from_url(url or "redis://127.0.0.1:6379", decode_responses=True)
