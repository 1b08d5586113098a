/** The one error vocabulary of the export: stable codes, their categories, and the exception that carries them. */
package com.helpdesk.export.domain.error;
