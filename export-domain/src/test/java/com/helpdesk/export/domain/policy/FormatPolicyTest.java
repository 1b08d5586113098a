package com.helpdesk.export.domain.policy;

import static com.helpdesk.export.domain.model.ResourceType.ARTICLES;
import static com.helpdesk.export.domain.model.ResourceType.CUSTOMERS;
import static com.helpdesk.export.domain.model.ResourceType.MEMBERS;
import static com.helpdesk.export.domain.model.ResourceType.MESSAGES;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.ResourceType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatPolicyTest {

    private final FormatPolicy policy = new FormatPolicy();

    private static ExportRequest request(ExportFormat format, Optional<CsvOptions> csv, ResourceType... types) {
        List<ResourceSpec> specs = Arrays.stream(types).map(ResourceSpec::all).toList();
        return new ExportRequest(specs, format, csv);
    }

    @Test
    void allowsCsvWithOneResourceWithOrWithoutOptions() {
        for (ResourceType type : ResourceType.values()) {
            assertThat(policy.decide(request(ExportFormat.CSV, Optional.empty(), type)))
                    .isEqualTo(Decision.allowed(ExportFormat.CSV));
            assertThat(policy.decide(request(ExportFormat.CSV, Optional.of(new CsvOptions(true)), type))
                            .orThrow())
                    .isEqualTo(ExportFormat.CSV);
        }
    }

    @Test
    void allowsNdjsonWithOneResourceOfEveryType() {
        for (ResourceType type : ResourceType.values()) {
            assertThat(policy.decide(request(ExportFormat.NDJSON, Optional.empty(), type)))
                    .isEqualTo(Decision.allowed(ExportFormat.NDJSON));
        }
    }

    @Test
    void rejectsNdjsonWithSeveralResourcesOnParamFormat() {
        for (ExportRequest request : List.of(
                request(ExportFormat.NDJSON, Optional.empty(), TICKETS, CUSTOMERS),
                request(ExportFormat.NDJSON, Optional.empty(), TICKETS, CUSTOMERS, ARTICLES, MESSAGES, MEMBERS))) {
            assertThat(policy.decide(request))
                    .isEqualTo(Decision.rejected(
                            ErrorCode.PARAMETER_INVALID,
                            "An NDJSON export takes exactly one resource; ask for JSON or XLSX to export several at "
                                    + "once.",
                            "format"));
        }
    }

    @Test
    void allowsXlsxWithOneToFiveResourcesASheetEach() {
        List<ResourceType> all = List.of(ResourceType.values());
        for (int count = 1; count <= all.size(); count++) {
            ResourceType[] types = all.subList(0, count).toArray(new ResourceType[0]);
            assertThat(policy.decide(request(ExportFormat.XLSX, Optional.empty(), types)))
                    .as("%d resources", count)
                    .isEqualTo(Decision.allowed(ExportFormat.XLSX));
        }
    }

    @Test
    void rejectsCsvOptionsWithEveryFormatButCsv() {
        for (ExportFormat format : ExportFormat.values()) {
            Decision<ExportFormat> decision =
                    policy.decide(request(format, Optional.of(new CsvOptions(true)), TICKETS));
            if (format == ExportFormat.CSV) {
                assertThat(decision).isEqualTo(Decision.allowed(ExportFormat.CSV));
            } else {
                assertThat(decision)
                        .as(format.wireName())
                        .isEqualTo(Decision.rejected(
                                ErrorCode.PARAMETER_INVALID, "csv options are only taken when format is csv.", "csv"));
            }
        }
    }

    @Test
    void allowsJsonWithOneToThreeResources() {
        assertThat(policy.decide(request(ExportFormat.JSON, Optional.empty(), TICKETS)))
                .isEqualTo(Decision.allowed(ExportFormat.JSON));
        assertThat(policy.decide(request(ExportFormat.JSON, Optional.empty(), TICKETS, CUSTOMERS))
                        .orThrow())
                .isEqualTo(ExportFormat.JSON);
        assertThat(policy.decide(request(ExportFormat.JSON, Optional.empty(), TICKETS, CUSTOMERS, ARTICLES))
                        .orThrow())
                .isEqualTo(ExportFormat.JSON);
    }

    @Test
    void rejectsCsvWithSeveralResourcesOnParamResources() {
        for (ExportRequest request : List.of(
                request(ExportFormat.CSV, Optional.empty(), TICKETS, CUSTOMERS),
                request(ExportFormat.CSV, Optional.of(CsvOptions.DEFAULT), TICKETS, CUSTOMERS, ARTICLES))) {
            Decision<ExportFormat> decision = policy.decide(request);
            assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, r -> {
                assertThat(r.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                assertThat(r.param()).isEqualTo("resources");
                assertThat(r.reason()).contains("exactly one resource");
            });
            assertThatThrownBy(decision::orThrow).isInstanceOfSatisfying(ExportException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                assertThat(e.param()).isEqualTo("resources");
            });
        }
    }

    @Test
    void rejectsCsvOptionsWithJsonOnParamCsv() {
        for (CsvOptions options : List.of(new CsvOptions(true), new CsvOptions(false))) {
            Decision<ExportFormat> decision = policy.decide(request(ExportFormat.JSON, Optional.of(options), TICKETS));
            assertThat(decision)
                    .isEqualTo(Decision.rejected(
                            ErrorCode.PARAMETER_INVALID, "csv options are only taken when format is csv.", "csv"));
        }
    }
}
