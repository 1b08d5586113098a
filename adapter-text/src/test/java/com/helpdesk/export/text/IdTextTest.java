package com.helpdesk.export.text;

import com.helpdesk.export.domain.model.PublicId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdTextTest {

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("tkt_", "cus_", "art_", "mem_", "msg_");
    }

    /** The domain's {@code PublicId.format} is the oracle: the same text, written into a buffer. */
    @Property
    void writeIntoABufferGivesTheDomainsPublicId(@ForAll long msb, @ForAll long lsb,
                                                @ForAll("prefixes") String prefix) {
        UUID id = new UUID(msb, lsb);
        char[] buffer = new char[3 + prefix.length() + 32 + 2];
        int end = IdText.write(prefix, id, buffer, 3);
        assertThat(end).isEqualTo(3 + prefix.length() + 32);
        assertThat(new String(buffer, 3, end - 3)).isEqualTo(PublicId.format(prefix, id));
    }
}
