package com.helpdesk.export.clienttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.client.ApiClient;
import com.helpdesk.export.client.ApiException;
import com.helpdesk.export.client.api.ChangesApi;
import com.helpdesk.export.client.api.ExportApi;
import com.helpdesk.export.client.model.Change;
import com.helpdesk.export.client.model.ChangesEnvelopeData;
import com.helpdesk.export.client.model.ChangesRequest;
import com.helpdesk.export.client.model.ChangesResourceRequest;
import com.helpdesk.export.client.model.Customer;
import com.helpdesk.export.client.model.ErrorEnvelope;
import com.helpdesk.export.client.model.ExportEnvelope;
import com.helpdesk.export.client.model.ExportEnvelopeData;
import com.helpdesk.export.client.model.ExportRequest;
import com.helpdesk.export.client.model.ExportRequestCsv;
import com.helpdesk.export.client.model.Message;
import com.helpdesk.export.client.model.ResourceRequest;
import com.helpdesk.export.client.model.Ticket;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client generated from {@code docs/openapi.yaml} (openapi-generator, {@code java}, library
 * {@code native}, its defaults) works out of the box against the packaged service started as the README starts it
 * (no database configured: the embedded one with the demo data). The README's calls are made through it: JSON
 * through the generated operation and models, CSV, NDJSON and XLSX the one way the document describes (the generated
 * request model and client configuration, the body read as it comes), errors as the generated error model; and the
 * change feed through its generated operation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientIT {

    private static final UUID TEAM = UUID.fromString("5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b");
    private static final String KEY = "sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1";

    @TempDir
    static Path work;

    private ServiceUnderTest service;
    private ApiClient client;
    private ExportApi api;

    @BeforeAll
    void start() throws Exception {
        service = ServiceUnderTest.start(work);
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + service.port());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + KEY));
        client.setReadTimeout(Duration.ofSeconds(60));
        api = new ExportApi(client);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    private static ResourceRequest resource(ResourceRequest.TypeEnum type) {
        return new ResourceRequest().type(type);
    }

    @Test
    void theSimplestExportWithTheGeneratedModelsDefaultsIsAnswered() throws Exception {
        // one resource, nothing else set: the generated model leaves fields, filters and cursor out
        ExportRequest request = new ExportRequest().addResourcesItem(resource(ResourceRequest.TypeEnum.ARTICLES));
        String sent = client.getObjectMapper().writeValueAsString(request);
        assertThat(sent).doesNotContain("fields").doesNotContain("filters").doesNotContain("cursor");

        ExportEnvelope answer = api.export(TEAM, request);
        assertThat(answer.getSuccess()).isEqualTo(ExportEnvelope.SuccessEnum.TRUE);
        assertThat(answer.getData().getResources().getArticles()).hasSize(300);
        assertThat(answer.getData().getHasMore()).containsEntry("articles", false);
    }

    @Test
    void theChangeFeedThroughTheGeneratedOperationFromNullAndFromAnExportsSyncCursor() throws Exception {
        ChangesApi changes = new ChangesApi(client);
        ChangesEnvelopeData fromNull = changes.changes(
                        TEAM,
                        new ChangesRequest()
                                .addResourcesItem(new ChangesResourceRequest()
                                        .type(ChangesResourceRequest.TypeEnum.ARTICLES)
                                        .fields(new LinkedHashSet<>(List.of("title")))))
                .getData();
        List<Change> articles = fromNull.getResources().get("articles");
        assertThat(articles).hasSize(300).allSatisfy(change -> {
            assertThat(change.getOp()).isEqualTo(Change.OpEnum.UPSERT);
            assertThat(change.getRecord()).containsOnlyKeys("id", "title").containsEntry("id", change.getId());
        });
        assertThat(fromNull.getHasMore()).containsEntry("articles", false);
        assertThat(fromNull.getNextCursor().get("articles")).isNotBlank();

        ExportEnvelopeData export = api.export(
                        TEAM, new ExportRequest().addResourcesItem(resource(ResourceRequest.TypeEnum.MEMBERS)))
                .getData();
        ChangesEnvelopeData followed = changes.changes(
                        TEAM,
                        new ChangesRequest()
                                .addResourcesItem(new ChangesResourceRequest()
                                        .type(ChangesResourceRequest.TypeEnum.MEMBERS)
                                        .cursor(export.getSyncCursor().get("members"))))
                .getData();
        assertThat(followed.getResources().get("members")).isEmpty();
        assertThat(followed.getHasMore()).containsEntry("members", false);
    }

    @Test
    void threeResourcesWithFiltersAndFieldsAsInTheReadme() throws Exception {
        ExportRequest request = new ExportRequest()
                .addResourcesItem(resource(ResourceRequest.TypeEnum.TICKETS)
                        .putFiltersItem("status", List.of("open", "pending"))
                        .fields(new LinkedHashSet<>(List.of("id", "title", "status", "createdAt"))))
                .addResourcesItem(resource(ResourceRequest.TypeEnum.CUSTOMERS))
                .addResourcesItem(resource(ResourceRequest.TypeEnum.ARTICLES));
        ExportEnvelopeData data = api.export(TEAM, request).getData();
        List<Ticket> tickets = data.getResources().getTickets();
        assertThat(tickets)
                .hasSize(10_000)
                .allSatisfy(t -> assertThat(t.getStatus()).isIn(Ticket.StatusEnum.OPEN, Ticket.StatusEnum.PENDING));
        assertThat(data.getResources().getCustomers()).isNotEmpty();
        assertThat(data.getTotalRows())
                .isEqualTo(tickets.size()
                        + data.getResources().getCustomers().size()
                        + data.getResources().getArticles().size());

        // all the tickets, ids only, and the page that continues after the last row with the cursor
        ExportRequest all = new ExportRequest()
                .addResourcesItem(
                        resource(ResourceRequest.TypeEnum.TICKETS).fields(new LinkedHashSet<>(List.of("id"))));
        ExportEnvelopeData firstPage = api.export(TEAM, all).getData();
        assertThat(firstPage.getHasMore()).containsEntry("tickets", true);
        assertThat(firstPage.getResources().getTickets()).hasSize(10_000);
        ExportRequest next = new ExportRequest()
                .addResourcesItem(resource(ResourceRequest.TypeEnum.TICKETS)
                        .fields(new LinkedHashSet<>(List.of("id")))
                        .cursor(firstPage.getNextCursor().get("tickets")));
        List<Ticket> page2 = api.export(TEAM, next).getData().getResources().getTickets();
        Set<String> first = new HashSet<>();
        firstPage.getResources().getTickets().forEach(t -> first.add(t.getId()));
        assertThat(page2).isNotEmpty().noneSatisfy(t -> assertThat(first).contains(t.getId()));
    }

    @Test
    void everythingToMoveATeamInOneCallWithCustomFieldsMetadataMessagesAndMembers() throws Exception {
        ExportRequest request = new ExportRequest();
        for (ResourceRequest.TypeEnum type : ResourceRequest.TypeEnum.values()) {
            request.addResourcesItem(resource(type));
        }
        ExportEnvelopeData data = api.export(TEAM, request).getData();
        Ticket ticket = data.getResources().getTickets().get(1);
        assertThat(ticket.getCustomFields()).containsOnlyKeys("plan", "order_ref", "amount", "is_vip", "due_on");
        assertThat(ticket.getMetadata()).isNotNull();
        Set<String> members = new HashSet<>();
        data.getResources().getMembers().forEach(m -> members.add(m.getId()));
        for (Message message : data.getResources().getMessages()) {
            if (message.getSender() == Message.SenderEnum.AGENT) {
                assertThat(members).contains(message.getAuthorId());
            }
        }
        assertThat(data.getResources().getMessages()).hasSize(10_000);
    }

    @Test
    void errorsComeAsTheGeneratedErrorModel() throws Exception {
        ExportRequest request = new ExportRequest()
                .addResourcesItem(resource(ResourceRequest.TypeEnum.TICKETS).putFiltersItem("colour", "red"));
        assertThatThrownBy(() -> api.export(TEAM, request)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(400);
            try {
                ErrorEnvelope error = client.getObjectMapper().readValue(e.getResponseBody(), ErrorEnvelope.class);
                assertThat(error.getSuccess()).isEqualTo(ErrorEnvelope.SuccessEnum.FALSE);
                assertThat(error.getError().getCode().getValue()).isEqualTo("parameter_unknown");
                assertThat(error.getError().getParam()).isEqualTo("resources[0].filters.colour");
            } catch (Exception parse) {
                throw new AssertionError(parse);
            }
        });
    }

    /**
     * CSV, the one way the document describes: OpenAPI gives one operation one response type, which the generated
     * client parses as the JSON envelope, so a CSV export is sent with the generated request model and client
     * configuration and its body read as it comes.
     */
    @Test
    void csvThroughTheGeneratedRequestModelAndClientConfiguration() throws Exception {
        ExportRequest request = new ExportRequest()
                .addResourcesItem(resource(ResourceRequest.TypeEnum.CUSTOMERS)
                        .fields(new LinkedHashSet<>(List.of("id", "name", "phone", "metadata", "customFields"))))
                .format(ExportRequest.FormatEnum.CSV)
                .csv(new ExportRequestCsv().bom(false));
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(client.getBaseUri() + "/api/v1/teams/" + TEAM + "/export"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        client.getObjectMapper().writeValueAsBytes(request)));
        client.getRequestInterceptor().accept(builder);
        HttpResponse<InputStream> response =
                client.getHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8; header=present");
        assertThat(response.headers().firstValue("X-Has-More")).contains("false");
        List<CSVRecord> records;
        try (InputStream body = response.body();
                CSVParser parser = CSVFormat.RFC4180.parse(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).toList())
                .containsExactly(
                        "id",
                        "name",
                        "phone",
                        "metadata",
                        "customFields.account_tier",
                        "customFields.crm_note",
                        "customFields.lifetime_value",
                        "customFields.newsletter",
                        "customFields.birthday");
        assertThat(records).hasSize(4_001);
        assertThat(Integer.parseInt(
                        response.headers().firstValue("X-Total-Rows").orElseThrow()))
                .isEqualTo(4_000);

        // the generated operation cannot read it: the document says so, and this is what happens
        assertThatThrownBy(() -> api.export(TEAM, request)).isInstanceOf(ApiException.class);
    }

    /** Sends a request built with the generated model the one way the document describes for files; the answer. */
    private HttpResponse<byte[]> file(ExportRequest request, String accept) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(client.getBaseUri() + "/api/v1/teams/" + TEAM + "/export"))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        client.getObjectMapper().writeValueAsBytes(request)));
        client.getRequestInterceptor().accept(builder);
        return client.getHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** NDJSON the same way as CSV, each line read into the generated record model with the client's own mapper. */
    @Test
    void ndjsonThroughTheGeneratedRequestModelEachLineAGeneratedRecord() throws Exception {
        ExportRequest request = new ExportRequest()
                .addResourcesItem(resource(ResourceRequest.TypeEnum.CUSTOMERS))
                .format(ExportRequest.FormatEnum.NDJSON);
        HttpResponse<byte[]> response = file(request, "application/x-ndjson");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        assertThat(response.headers().firstValue("X-Total-Rows")).contains("4000");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        String[] lines = body.substring(0, body.length() - 1).split("\n");
        assertThat(lines).hasSize(4_000);
        for (String line : lines) {
            Customer customer = client.getObjectMapper().readValue(line, Customer.class);
            assertThat(customer.getId()).startsWith("cus_");
            assertThat(customer.getCustomFields())
                    .containsOnlyKeys("account_tier", "crm_note", "lifetime_value", "newsletter", "birthday");
        }
    }

    /** XLSX the same way: the workbook's bytes, named and counted by the headers. */
    @Test
    void xlsxThroughTheGeneratedRequestModel() throws Exception {
        ExportRequest request = new ExportRequest()
                .addResourcesItem(resource(ResourceRequest.TypeEnum.ARTICLES))
                .addResourcesItem(resource(ResourceRequest.TypeEnum.MEMBERS))
                .format(ExportRequest.FormatEnum.XLSX);
        HttpResponse<byte[]> response =
                file(request, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"export-" + TEAM + "-\\d{8}T\\d{6}Z\\.xlsx\"");
        assertThat(response.headers().firstValue("X-Has-More")).contains("false");
        assertThat(response.headers().firstValue("X-Total-Rows")).contains(Integer.toString(300 + 13));
        byte[] zip = response.body();
        assertThat(new byte[] {zip[0], zip[1], zip[2], zip[3]}).containsExactly(0x50, 0x4B, 0x03, 0x04);
        String names = new String(zip, StandardCharsets.ISO_8859_1);
        assertThat(names).contains("xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/workbook.xml");
    }
}
