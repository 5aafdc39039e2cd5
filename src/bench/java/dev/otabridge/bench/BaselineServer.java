package dev.otabridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.api.ApiException;
import dev.otabridge.api.Envelope;
import dev.otabridge.api.SearchRequestReader;
import dev.otabridge.expression.ExpressionException;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.search.SearchPage;
import dev.otabridge.search.SearchRequest;
import dev.otabridge.search.SearchTargets;
import dev.otabridge.search.SqlSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The near-limit reference for the search benchmarks: the JDK's own HTTP server, a HikariCP pool
 * and the bundle's request reader and SQL search (so the very same SQL, cache included), writing
 * the same envelope. No Camel, no Vert.x, no authentication, no metrics: what the bundle's search
 * would cost with nothing around it.
 *
 * <p>Run: {@code BaselineServer <port> <jdbc url> <user> <password> <pool size>}.
 */
public final class BaselineServer {

    public static void main(String[] args) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setUsername(args[2]);
        config.setPassword(args[3]);
        config.setMaximumPoolSize(Integer.parseInt(args[4]));
        HikariDataSource dataSource = new HikariDataSource(config);
        ObjectMapper json = new ObjectMapper();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        OtaMetrics metrics = new OtaMetrics(new SimpleMeterRegistry());
        SqlSearch<?> devices =
                new SqlSearch<>(jdbc, SearchTargets.deviceUpgrades(), ExpressionLimits.DEFAULT, 1000, metrics);
        SqlSearch<?> jobs = new SqlSearch<>(jdbc, SearchTargets.otaJobs(json), ExpressionLimits.DEFAULT, 1000, metrics);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(args[4])));
        server.createContext(
                "/connect-service/v2.1/ota-firmwares",
                exchange -> answer(exchange, devices, new SearchRequestReader(json, "searchDeviceUpgrade"), json));
        server.createContext(
                "/connect-service/v2.1/ota-jobs",
                exchange -> answer(exchange, jobs, new SearchRequestReader(json, "search"), json));
        server.start();
        System.out.println("baseline listening on " + args[0]);
    }

    private static void answer(
            HttpExchange exchange, SqlSearch<?> search, SearchRequestReader requests, ObjectMapper json)
            throws IOException {
        Envelope envelope;
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            SearchRequest request =
                    requests.read(exchange.getRequestURI().getRawQuery(), body);
            SearchPage<?> page = search.run(request);
            envelope = new Envelope(
                    0,
                    "OK",
                    UUID.randomUUID().toString(),
                    page.data(),
                    new Envelope.Pagination(null, page.pageNo(), page.pageSize(), page.totalSize()));
        } catch (ApiException | ExpressionException failure) {
            ApiException refused =
                    failure instanceof ExpressionException mistake ? ApiException.refusing(mistake) : (ApiException) failure;
            envelope = new Envelope(
                    refused.code(), refused.getMessage(), UUID.randomUUID().toString(), null, null);
        }
        byte[] bytes = json.writeValueAsBytes(envelope);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
