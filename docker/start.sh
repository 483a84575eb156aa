#!/bin/sh
# Starts Payara Micro with the application; with DB_URL set, on PostgreSQL (see postgresql.asadmin).
# With CLUSTER_MEMBERS set (host:port,host:port of every node's data grid, e.g. node1:6900,node2:6900), the node
# joins the others on Payara Micro's data grid; without it, it runs alone (--nocluster).
set -e
cd /opt/payara
if [ -n "${DB_URL:-}" ]; then
    set -- --addlibs /opt/payara/lib/postgresql.jar --postbootcommandfile /opt/payara/postgresql.asadmin "$@"
fi
if [ -n "${CLUSTER_MEMBERS:-}" ]; then
    # A lost node is noticed within 5 s instead of Hazelcast's default 60 s.
    JVM_ARGS="-Dhazelcast.max.no.heartbeat.seconds=5 -Dhazelcast.heartbeat.interval.seconds=1 ${JVM_ARGS:-}"
    set -- --clustermode "tcpip:${CLUSTER_MEMBERS}" "$@"
else
    set -- --nocluster --prebootcommandfile /opt/payara/single-node.asadmin "$@"
fi
exec java ${JVM_ARGS:-} -jar payara-micro.jar --deploymentDir /opt/payara/deployments "$@"
