/**
 * Architecture rules (ArchUnit) over the main code of every module: the hexagon's dependency directions, the
 * framework-free core, independent adapters, no package cycles and the naming of port implementations.
 */
package com.helpdesk.export.architecture;
