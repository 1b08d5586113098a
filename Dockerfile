# JVM image of the export service (not built on these machines: no container engine runs here).
#   docker build -t helpdesk-export .
#   docker run -p 8080:8080 -p 127.0.0.1:9000:9000 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/helpdesk \
#     -e QUARKUS_DATASOURCE_USERNAME=helpdesk -e QUARKUS_DATASOURCE_PASSWORD=secret \
#     -e EXPORT_READ_DATASOURCE_USERNAME=helpdesk_export_reader -e EXPORT_READ_DATASOURCE_PASSWORD=other-secret \
#     helpdesk-export
#   (the export read role: README, "Database roles")

# --- build: the same wrapper and command as on a developer's machine ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY test-support/ test-support/
COPY export-domain/ export-domain/
COPY export-application/ export-application/
COPY embedded-database/ embedded-database/
COPY demo-data/ demo-data/
COPY adapter-persistence-jdbc/ adapter-persistence-jdbc/
COPY adapter-cli/ adapter-cli/
COPY wire-text/ wire-text/
COPY adapter-csv/ adapter-csv/
COPY adapter-json/ adapter-json/
COPY adapter-spool/ adapter-spool/
COPY adapter-rest-quarkus/ adapter-rest-quarkus/
# the generated client's module reads the OpenAPI document from docs/
COPY docs/ docs/
COPY api-client-tests/ api-client-tests/
COPY architecture-tests/ architecture-tests/
COPY benchmarks/ benchmarks/
# the image loads the demo dataset itself when no database is configured: no prepared demo database in the build
RUN ./mvnw -B -ntp package -DskipTests -Ddemo-database.skip

# --- run: a JRE, the fast-jar layout, an unprivileged user ---
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 --home-dir /work --create-home export
WORKDIR /work
COPY --from=build --chown=1001 /src/adapter-rest-quarkus/target/quarkus-app/lib/ /work/lib/
COPY --from=build --chown=1001 /src/adapter-rest-quarkus/target/quarkus-app/*.jar /work/
COPY --from=build --chown=1001 /src/adapter-rest-quarkus/target/quarkus-app/app/ /work/app/
COPY --from=build --chown=1001 /src/adapter-rest-quarkus/target/quarkus-app/quarkus/ /work/quarkus/
USER 1001
EXPOSE 8080 9000
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
# a container is reached through its published port: the API listens on every interface of the container, also
# with the embedded demo database (which otherwise keeps it on loopback)
ENV QUARKUS_HTTP_HOST=0.0.0.0
# Health and metrics (port 9000) listen on loopback unless told otherwise; a container is probed from outside it, so
# the image opens them on every address of the container. They take no credentials: publish 9000 only to the
# network the prober is on, never to the internet.
ENV QUARKUS_MANAGEMENT_HOST=0.0.0.0
HEALTHCHECK --interval=30s --timeout=3s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 || exit 1"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /work/quarkus-run.jar \"$@\"", "--"]
