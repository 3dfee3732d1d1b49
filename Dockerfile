# syntax=docker/dockerfile:1
# Multi-stage build: Maven builds the fat jar, a JRE image runs it.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn .mvn
# Dependencies first, so source edits do not re-download them.
RUN mvn -B -q dependency:go-offline -DexcludeGroupIds=dev.mcpver || true
COPY src src
COPY prompts prompts
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data mcpver \
    && mkdir -p /data /app && chown mcpver /data
COPY --from=build /src/target/mcpver.jar /app/mcpver.jar
USER mcpver
WORKDIR /data
# Inside a container the service must listen on all interfaces; publish the port to loopback on the host
# (see docker-compose.yml) unless you mean to expose it.
ENV MCPVER_HOST=0.0.0.0 \
    MCPVER_PORT=7070 \
    MCPVER_DB=/data/mcpver.db \
    MCPVER_HOME=/data
VOLUME ["/data"]
EXPOSE 7070
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/7070 && printf "GET /ready HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/mcpver.jar"]
CMD ["serve"]
