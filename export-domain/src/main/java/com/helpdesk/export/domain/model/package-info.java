/**
 * Value objects of an export: the request and its parts, the resource types with their fields and filters,
 * cursors, keys, teams, roles. Records validate themselves in their compact constructors.
 */
package com.helpdesk.export.domain.model;
