package com.helpdesk.export.wiretext;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.PublicId;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import org.junit.jupiter.api.Test;

class IdTextTest {

    /** The domain's {@code PublicId.format} is the oracle: the same text, written into a buffer. */
    @Test
    void writeIntoABufferGivesTheDomainsPublicId() {
        Property.forAll(1000, Gens.uuids(), Gens.of("tkt_", "cus_", "art_", "mem_", "msg_"), (id, prefix) -> {
            char[] buffer = new char[3 + prefix.length() + 32 + 2];
            int end = IdText.write(prefix, id, buffer, 3);
            assertThat(end).isEqualTo(3 + prefix.length() + 32);
            assertThat(new String(buffer, 3, end - 3)).isEqualTo(PublicId.format(prefix, id));
        });
    }
}
