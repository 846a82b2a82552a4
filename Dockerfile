# Tickr's container image. Build it with your own Docker (no registry holds a Tickr image):
#   docker build -t tickr .
#   docker run -d -p 127.0.0.1:8080:8080 -v tickr-data:/data -e TICKR_ADMIN_PASSWORD=... tickr
# compose.yaml has the same as an example; docs/install.md says more.

# 1. Build the jar with the Maven Wrapper (the tests run in the project's CI, not here).
FROM eclipse-temurin:25-jdk AS build
# The Maven Wrapper fetches Maven as a zip: unzip it with unzip.
RUN apt-get update && apt-get install -y --no-install-recommends unzip \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The sources (see .dockerignore); .git, when the build context has it, gives `tickr --version`
# its commit.
COPY . .
RUN ./mvnw -B -q -Dquick package

# 2. Run on a JRE, as a user without privileges, with the start-up cache made here, once.
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 tickr \
  && useradd --system --uid 10001 --gid tickr --home-dir /data --no-create-home \
    --shell /usr/sbin/nologin tickr \
  && install -d -o tickr -g tickr -m 0700 /data \
  && install -d -m 0755 /opt/tickr /etc/tickr
COPY --from=build /src/target/tickr.jar /opt/tickr/tickr.jar
COPY --chmod=0755 src/release/container/entrypoint.sh /usr/local/bin/tickr
# SQLite's native library unpacked, and the start-up cache trained (a few seconds of loopback
# work), with this image's JRE: the first start of a container is as fast as every later one.
RUN java -jar /opt/tickr/tickr.jar native-library /opt/tickr/tickr.native \
  && lib=$(ls /opt/tickr/tickr.native) \
  && java -Xmx512m -XX:AOTCacheOutput=/opt/tickr/tickr.aot -Xlog:aot*=off -Xlog:cds*=off \
    -Dorg.sqlite.lib.path=/opt/tickr/tickr.native -Dorg.sqlite.lib.name="$lib" \
    -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining \
    -jar /opt/tickr/tickr.jar aot-training >/dev/null 2>&1 \
  && test -f /opt/tickr/tickr.aot \
  && tickr --version

USER tickr
ENV TICKR_DATA=/data TICKR_LISTEN=0.0.0.0:8080
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["tickr", "healthcheck"]
ENTRYPOINT ["tickr"]
CMD ["run"]
