/** The JSON serializer: the export envelope written with Jackson's streaming generator. */
package com.helpdesk.export.rest.json;
