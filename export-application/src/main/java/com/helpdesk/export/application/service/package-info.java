/** Services that implement the use cases by applying the domain's policies over its ports. No framework types. */
package com.helpdesk.export.application.service;
