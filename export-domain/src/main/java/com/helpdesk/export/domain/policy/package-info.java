/** Policies: small named rules that answer with an explicit {@link com.helpdesk.export.domain.policy.Decision}. */
package com.helpdesk.export.domain.policy;
