# Builds and runs the ledger; docker-compose.yml starts it next to PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/ledger-app/target/ledger-app.jar ledger-app.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
# Where the ledger keeps the JWT secret it generates when none is configured: mount a volume here to keep it.
ENV LEDGER_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ledger-app.jar"]
