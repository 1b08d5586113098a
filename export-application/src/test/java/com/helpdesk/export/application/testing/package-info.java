/** Test doubles of the application's ports, shared with the tests of the driving adapters through the test jar. */
package com.helpdesk.export.application.testing;
