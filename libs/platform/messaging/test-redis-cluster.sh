#!/bin/sh
# The messaging integration suite once more, against a Redis Cluster: the same specs, with
# REDIS_CLUSTER_NODES set (src/testing/test-redis.ts; jest.config.ts lists the few left out).
# Uses the cluster REDIS_CLUSTER_NODES names, or starts the local one (3 masters, 3 replicas).
set -eu
cd "$(dirname "$0")/../../.."
if [ -z "${REDIS_CLUSTER_NODES:-}" ]; then
  npm run -s infra:up -- postgres redis mongo redis-cluster
  set -a
  . ./.mesh/redis-cluster.env
  set +a
fi
export REDIS_CLUSTER_NODES
exec npx jest -c libs/platform/messaging/jest.config.ts "$@"
