"""The layouts `redis_connection.connect` takes from arguments and the environment (the e2e reads
a Redis Cluster and Sentinel with it: `npm run e2e -- --redis=cluster`)."""

import unittest

import redis

from redis_connection import connect


class ConnectTest(unittest.TestCase):
    def test_one_server_from_redis_url(self):
        client = connect(environ={"REDIS_URL": "redis://127.0.0.1:6390/3"})
        self.assertIsInstance(client, redis.Redis)
        self.assertEqual(client.connection_pool.connection_kwargs["port"], 6390)
        self.assertEqual(client.connection_pool.connection_kwargs["db"], 3)

    def test_an_argument_wins_over_the_environment_and_empty_counts_as_unset(self):
        client = connect(redis_url="redis://127.0.0.1:6391", environ={"REDIS_URL": "", "REDIS_CLUSTER_NODES": ""})
        self.assertEqual(client.connection_pool.connection_kwargs["port"], 6391)

    def test_refuses_two_layouts_at_once(self):
        with self.assertRaisesRegex(ValueError, "set only one of REDIS_URL, REDIS_CLUSTER_NODES"):
            connect(environ={"REDIS_URL": "redis://127.0.0.1:6379", "REDIS_CLUSTER_NODES": "127.0.0.1:7000"})

    def test_sentinels_need_the_master_name(self):
        with self.assertRaisesRegex(ValueError, "REDIS_SENTINEL_MASTER is required"):
            connect(environ={"REDIS_SENTINELS": "127.0.0.1:26379"})

    def test_refuses_an_endpoint_without_a_port(self):
        with self.assertRaisesRegex(ValueError, '"127.0.0.1" is not host:port'):
            connect(environ={"REDIS_SENTINELS": "127.0.0.1", "REDIS_SENTINEL_MASTER": "mesh"})


if __name__ == "__main__":
    unittest.main()
