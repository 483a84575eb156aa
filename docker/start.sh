#!/bin/sh
# Starts Payara Micro with the application; with DB_URL set, on PostgreSQL (see postgresql.asadmin).
set -e
cd /opt/payara
if [ -n "${DB_URL:-}" ]; then
    set -- --addlibs /opt/payara/lib/postgresql.jar --postbootcommandfile /opt/payara/postgresql.asadmin "$@"
fi
exec java ${JVM_ARGS:-} -jar payara-micro.jar --nocluster --deploymentDir /opt/payara/deployments "$@"
