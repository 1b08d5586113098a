package com.helpdesk.export.architecture;

import static com.helpdesk.export.architecture.Packages.ADAPTERS;
import static com.helpdesk.export.architecture.Packages.APPLICATION;
import static com.helpdesk.export.architecture.Packages.APPLICATION_PORT_IN;
import static com.helpdesk.export.architecture.Packages.APPLICATION_SERVICE;
import static com.helpdesk.export.architecture.Packages.ASSEMBLY;
import static com.helpdesk.export.architecture.Packages.BENCHMARKS;
import static com.helpdesk.export.architecture.Packages.CLI;
import static com.helpdesk.export.architecture.Packages.CSV;
import static com.helpdesk.export.architecture.Packages.DEMO;
import static com.helpdesk.export.architecture.Packages.DOMAIN;
import static com.helpdesk.export.architecture.Packages.DOMAIN_PORT;
import static com.helpdesk.export.architecture.Packages.EMBEDDED;
import static com.helpdesk.export.architecture.Packages.EXPORT_PATH;
import static com.helpdesk.export.architecture.Packages.FORBIDDEN_IN_CORE;
import static com.helpdesk.export.architecture.Packages.JSON;
import static com.helpdesk.export.architecture.Packages.NDJSON;
import static com.helpdesk.export.architecture.Packages.PERSISTENCE;
import static com.helpdesk.export.architecture.Packages.REST;
import static com.helpdesk.export.architecture.Packages.ROOT;
import static com.helpdesk.export.architecture.Packages.SPOOL;
import static com.helpdesk.export.architecture.Packages.WIRE_TEXT;
import static com.helpdesk.export.architecture.Packages.XLSX;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.port.ChangeReader;
import com.helpdesk.export.domain.port.ChangeSerializer;
import com.helpdesk.export.domain.port.ChangeSnapshot;
import com.helpdesk.export.domain.port.ExportSlots;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceReader;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.domain.port.SpoolStore;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hexagon's rules over the main classes of all modules. Every rule fails when its {@code that()} part selects no
 * class ({@code allowEmptyShould(false)}), and {@link #everyModulesPackageIsImported} fails when a module's classes
 * are missing from the import, so that a misspelt package or an empty jar never passes silently.
 */
@AnalyzeClasses(
        packages = ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeGeneratedCode.class})
class ArchitectureTest {

    /** Code a tool wrote at build time (JMH's benchmark harness): not the project's to hold to its rules. */
    static final class DoNotIncludeGeneratedCode implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/jmh_generated/");
        }
    }

    // ---- the import itself

    @ArchTest
    static void everyModulesPackageIsImported(JavaClasses classes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String pkg : new String[] {
            "domain",
            "application",
            "csv",
            "json",
            "ndjson",
            "xlsx",
            "wiretext",
            "persistence.jdbc",
            "persistence.jdbc.read",
            "persistence.jdbc.access",
            "spool",
            "rest.web",
            "rest.web.request",
            "rest.web.error",
            "rest.web.response",
            "rest.observability",
            "assembly",
            "cli",
            "embedded",
            "demo",
            "benchmarks",
            "application.port.in"
        }) {
            String name = ROOT + "." + pkg;
            counts.put(
                    name,
                    classes.stream()
                            .filter(c -> c.getPackageName().equals(name)
                                    || c.getPackageName().startsWith(name + "."))
                            .filter(c -> !c.getSimpleName().equals("package-info"))
                            .count());
        }
        assertThat(counts)
                .as("classes imported per package")
                .allSatisfy((pkg, count) -> assertThat(count).as(pkg).isPositive());
        assertThat(classes.stream()
                        .filter(c -> c.getSource()
                                .map(s -> s.getUri().toString().contains("test-classes"))
                                .orElse(false)))
                .as("test classes are not imported")
                .isEmpty();
    }

    @ArchTest
    static void everyPackageHasAPackageInfo(JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        Set<String> documented = new TreeSet<>();
        for (JavaClass type : classes) {
            packages.add(type.getPackageName());
            if (type.getSimpleName().equals("package-info")) {
                documented.add(type.getPackageName());
            }
        }
        assertThat(packages).as("packages imported").hasSizeGreaterThan(15);
        assertThat(documented).as("packages with a package-info.java").containsAll(packages);
    }

    // ---- the core: domain and application

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkAndItself = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat(
                    jdk().or(resideInAPackage(DOMAIN)).or(primitiveOrArrayOf(jdk().or(resideInAPackage(DOMAIN)))))
            .as("the domain depends only on java.. without java.sql.. (and itself)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule applicationDependsOnlyOnTheJdkAndTheDomain = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat(jdk().or(resideInAPackage(DOMAIN))
                    .or(resideInAPackage(APPLICATION))
                    .or(primitiveOrArrayOf(jdk().or(resideInAPackage(DOMAIN)).or(resideInAPackage(APPLICATION)))))
            .as("the application depends only on java.. without java.sql.., and the domain (and itself)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreUsesNoFrameworkNorJdbc = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FORBIDDEN_IN_CORE)
            .as("domain and application use no jakarta, javax, Quarkus, Jackson, JBoss or java.sql type")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreClassesCarryNoFrameworkAnnotation = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should()
            .beAnnotatedWith(frameworkAnnotation())
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreMembersCarryNoFrameworkAnnotation = noCodeUnits()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should()
            .beAnnotatedWith(frameworkAnnotation())
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreFieldsCarryNoFrameworkAnnotation = noFields()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should()
            .beAnnotatedWith(frameworkAnnotation())
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreParametersCarryNoFrameworkAnnotation = codeUnits()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should(new ArchCondition<JavaCodeUnit>("have no parameter annotated with a framework annotation") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    unit.getParameters()
                            .forEach(p -> p.getAnnotations().stream()
                                    .filter(frameworkAnnotation())
                                    .forEach(a -> events.add(SimpleConditionEvent.violated(
                                            unit,
                                            unit.getFullName() + " has a parameter annotated with "
                                                    + a.getRawType().getName()))));
                }
            })
            .allowEmptyShould(false);

    // ---- adapters

    @ArchTest
    static final ArchRule csvAdapterUsesNoOtherAdapter = noClasses()
            .that()
            .resideInAPackage(CSV)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JSON, NDJSON, XLSX, PERSISTENCE, SPOOL, REST)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule jsonAdapterUsesOnlyTheJdkTheDomainTheWireTextAndJacksonCore = classes()
            .that()
            .resideInAPackage(JSON)
            .should()
            .onlyDependOnClassesThat(
                    jdk().or(resideInAnyPackage(DOMAIN, WIRE_TEXT, JSON, "com.fasterxml.jackson.core.."))
                            .or(primitiveOrArrayOf(jdk().or(resideInAnyPackage(DOMAIN, WIRE_TEXT, JSON)))))
            .as("the JSON adapter needs nothing but the JDK, the domain, the wire text and jackson-core: no Quarkus")
            .allowEmptyShould(false);

    /** What the NDJSON adapter may use of the JSON adapter: the record of a row and the row writer built on it. */
    static final Set<String> JSON_RECORD_WRITERS =
            Set.of(ROOT + ".json.JsonRecordWriter", ROOT + ".json.JsonRowWriter", ROOT + ".json.JsonChangeWriter");

    @ArchTest
    static final ArchRule ndjsonAdapterUsesOnlyTheJdkTheDomainTheWireTextJacksonCoreAndTheJsonRecordWriters = classes()
            .that()
            .resideInAPackage(NDJSON)
            .should()
            .onlyDependOnClassesThat(
                    jdk().or(resideInAnyPackage(DOMAIN, WIRE_TEXT, NDJSON, "com.fasterxml.jackson.core.."))
                            .or(jsonRecordWriters())
                            .or(primitiveOrArrayOf(jdk().or(resideInAnyPackage(DOMAIN, WIRE_TEXT, NDJSON)))))
            .as(
                    "the NDJSON adapter needs nothing but the JDK, the domain, the wire text, jackson-core and, of the JSON "
                            + "adapter, its record writers (JsonRecordWriter, JsonRowWriter, JsonChangeWriter): the one use of "
                            + "an adapter by another")
            .allowEmptyShould(false);

    @ArchTest
    static void theNdjsonAdapterUsesTheJsonRecordWriters(JavaClasses classes) {
        assertThat(classes.stream()
                        .filter(resideInAPackage(NDJSON))
                        .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                        .map(d -> d.getTargetClass().getName())
                        .filter(JSON_RECORD_WRITERS::contains)
                        .distinct())
                .as("the NDJSON adapter writes its lines with the JSON adapter's record writers (so the rules above "
                        + "speak of a dependency that exists)")
                .isNotEmpty();
    }

    @ArchTest
    static final ArchRule nothingButTheNdjsonAdapterTheAssemblyAndTheBenchmarksUsesTheJsonAdapter = noClasses()
            .that()
            .resideOutsideOfPackages(JSON, NDJSON, ASSEMBLY, BENCHMARKS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(JSON)
            .as("of the adapters only NDJSON uses the JSON adapter")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theJsonAdapterUsesNoOtherAdapter = noClasses()
            .that()
            .resideInAPackage(JSON)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CSV, NDJSON, XLSX, PERSISTENCE, SPOOL, REST)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule xlsxAdapterUsesOnlyTheJdkTheDomainTheWireTextAndFastexcel = classes()
            .that()
            .resideInAPackage(XLSX)
            .should()
            .onlyDependOnClassesThat(jdk().or(resideInAnyPackage(DOMAIN, WIRE_TEXT, XLSX, "org.dhatim.fastexcel.."))
                    .or(primitiveOrArrayOf(jdk().or(resideInAnyPackage(DOMAIN, WIRE_TEXT, XLSX)))))
            .as(
                    "the XLSX adapter needs nothing but the JDK, the domain, the wire text and fastexcel: no other adapter, "
                            + "no Quarkus")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule wireTextUsesOnlyTheJdk = classes()
            .that()
            .resideInAPackage(WIRE_TEXT)
            .should()
            .onlyDependOnClassesThat(jdk().or(resideInAPackage(WIRE_TEXT)).or(primitiveOrArrayOf(jdk())))
            .as("the wire-text writers are plain JDK code")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheSerializersUseTheWireText = noClasses()
            .that()
            .resideOutsideOfPackages(WIRE_TEXT, CSV, JSON, NDJSON, XLSX)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(WIRE_TEXT)
            .as("the wire text belongs to the serializers")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyConnectionResetUsesVertxInternals = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ROOT + ".rest.web.response.ConnectionReset")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.vertx..impl..", "io.vertx.core.internal..")
            .as("Vert.x's impl packages are not its API; only ConnectionReset reaches them (for a TCP reset)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule persistenceAdapterUsesNoOtherAdapter = noClasses()
            .that()
            .resideInAPackage(PERSISTENCE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CSV, JSON, NDJSON, XLSX, SPOOL, REST)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule spoolAdapterUsesNoOtherAdapter = noClasses()
            .that()
            .resideInAPackage(SPOOL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CSV, JSON, NDJSON, XLSX, PERSISTENCE, REST)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule spoolAdapterUsesOnlyTheJdkAndTheDomain = classes()
            .that()
            .resideInAPackage(SPOOL)
            .should()
            .onlyDependOnClassesThat(jdk().or(resideInAPackage(DOMAIN))
                    .or(resideInAPackage(SPOOL))
                    .or(primitiveOrArrayOf(jdk().or(resideInAPackage(DOMAIN)).or(resideInAPackage(SPOOL)))))
            .as("the spool adapter needs nothing but the JDK and the domain")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule nothingButTheAssemblyDependsOnTheRestAdapter = noClasses()
            .that()
            .resideOutsideOfPackages(REST, ASSEMBLY)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(REST)
            .as("nothing outside the REST adapter depends on it, but the assembly that wires it")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theRestAdapterUsesNoOtherAdapter = noClasses()
            .that()
            .resideInAPackage(REST)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CSV, JSON, NDJSON, XLSX, WIRE_TEXT, SPOOL, PERSISTENCE, CLI, ASSEMBLY, EMBEDDED, DEMO)
            .as("the REST adapter reaches the core through the use cases only: no other adapter, no assembly")
            .allowEmptyShould(false);

    // ---- the assembly, the admin command line, the embedded database, the demo data and the benchmarks

    @ArchTest
    static final ArchRule onlyTheAssemblyAndTheBenchmarksSeeMoreThanOneAdapter = classes()
            .that()
            .resideOutsideOfPackages(ASSEMBLY, BENCHMARKS)
            .should(new ArchCondition<JavaClass>("depend on at most one adapter (its own)") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    Set<String> adapters = new TreeSet<>();
                    for (com.tngtech.archunit.core.domain.Dependency dependency :
                            type.getDirectDependenciesFromSelf()) {
                        if (resideInAPackage(NDJSON).test(type)
                                && jsonRecordWriters().test(dependency.getTargetClass())) {
                            continue; // the one use of an adapter by another, held by the NDJSON rules above
                        }
                        for (String adapter : ADAPTERS) {
                            if (resideInAPackage(adapter).test(dependency.getTargetClass())) {
                                adapters.add(adapter);
                            }
                        }
                    }
                    if (adapters.size() > 1) {
                        events.add(SimpleConditionEvent.violated(
                                type, type.getName() + " depends on the adapters " + adapters));
                    }
                }
            })
            .as("the assembly (and the measuring harness) is the only place that knows more than one adapter")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule nothingButTheAssemblyUsesTheFramework = noClasses()
            .that()
            .resideOutsideOfPackages(ASSEMBLY, REST)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "jakarta.enterprise..", "jakarta.inject..", "io.agroal..")
            .as("Quarkus, CDI and the pool are the REST adapter's and the assembly's; every other module runs without")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theExportPathReachesNeitherTheCliNorTheEmbeddedDatabaseNorTheDemoData = noClasses()
            .that()
            .resideInAnyPackage(EXPORT_PATH)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CLI, EMBEDDED, DEMO, ASSEMBLY, BENCHMARKS)
            .as(
                    "the export path (domain, application, csv, json, ndjson, xlsx, wire text, spool, persistence, rest) depends "
                            + "neither on the CLI, the embedded database, the demo data, the assembly nor the benchmarks")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheAssemblyAndTheBenchmarksUseTheCliTheEmbeddedDatabaseAndTheDemoData = classes()
            .that()
            .resideInAnyPackage(CLI, EMBEDDED, DEMO)
            .and()
            .areNotAnonymousClasses()
            .should()
            .onlyHaveDependentClassesThat(resideInAnyPackage(CLI, EMBEDDED, DEMO, ASSEMBLY, BENCHMARKS))
            .as("the CLI, the embedded database and the demo data are used by themselves, the assembly and the "
                    + "benchmarks only (and by tests)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule nothingDependsOnTheBenchmarks = classes()
            .that()
            .resideInAPackage(BENCHMARKS)
            .should()
            .onlyHaveDependentClassesThat(resideInAPackage(BENCHMARKS))
            .as("the measuring harness is a leaf: nothing depends on it")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theBenchmarksDriveTheServiceNotItsAssembly = noClasses()
            .that()
            .resideInAPackage(BENCHMARKS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ASSEMBLY, REST, APPLICATION_SERVICE, "io.quarkus..")
            .as("the benchmarks run the packaged service over HTTP, or its parts through their public types: never "
                    + "its assembly, its REST classes or the application's services")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule adaptersUseOnlyTheUseCasesPortIn = noClasses()
            .that()
            .resideInAnyPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(APPLICATION_SERVICE)
            .as("adapters use the application only through port.in; only the assembly names its services")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theCliUsesOnlyTheUseCasesAndTheDomain = classes()
            .that()
            .resideInAPackage(CLI)
            .should()
            .onlyDependOnClassesThat(jdk().or(resideInAnyPackage(CLI, DOMAIN, APPLICATION_PORT_IN))
                    .or(primitiveOrArrayOf(jdk().or(resideInAnyPackage(CLI, DOMAIN, APPLICATION_PORT_IN)))))
            .as("the CLI uses only the JDK, the domain and the application's port.in (no service, no JDBC, no "
                    + "framework)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theEmbeddedDatabaseUsesNothingOfTheService = classes()
            .that()
            .resideInAPackage(EMBEDDED)
            .should()
            .onlyDependOnClassesThat(
                    DescribedPredicate.not(resideInAPackage(ROOT + "..")).or(resideInAPackage(EMBEDDED)))
            .as("the embedded database needs only the JDK, the JDBC driver and zonky's binaries: no class of the "
                    + "service")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theDemoDataUsesOnlyTheDomain = noClasses()
            .that()
            .resideInAPackage(DEMO)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    CSV, JSON, NDJSON, XLSX, WIRE_TEXT, SPOOL, PERSISTENCE, REST, CLI, APPLICATION, EMBEDDED, ASSEMBLY)
            .as("the demo data needs only the domain (its key rules), the JDK and the JDBC driver, so that the "
                    + "adapters' tests may use it without a cycle")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule useCaseRecordsCarryNoFunction = classes()
            .that()
            .resideInAPackage(APPLICATION_PORT_IN)
            .and()
            .areRecords()
            .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("have no function-typed component") {
                @Override
                public void check(JavaClass type, com.tngtech.archunit.lang.ConditionEvents events) {
                    type.getFields().stream()
                            .filter(f ->
                                    !f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC))
                            .filter(f -> isFunctionType(f.getRawType()))
                            .forEach(f -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                    type,
                                    type.getName() + "." + f.getName() + " is of the function type "
                                            + f.getRawType().getName())));
                }
            })
            .as("no port.in record has a function-typed component (java.util.function.*, Runnable, Callable, "
                    + "Supplier-like or any functional interface)")
            .allowEmptyShould(false);

    @ArchTest
    static void whatCrossesADomainPortCarriesNoFunction(JavaClasses classes) {
        Set<JavaClass> crossing = new TreeSet<>(java.util.Comparator.comparing(JavaClass::getName));
        for (JavaClass port : classes) {
            if (!port.getPackageName().equals(ROOT + ".domain.port") || !port.isInterface()) {
                continue;
            }
            for (com.tngtech.archunit.core.domain.JavaMethod method : port.getMethods()) {
                java.util.List<JavaType> types = new java.util.ArrayList<>(method.getParameterTypes());
                types.add(method.getReturnType());
                for (JavaType type : types) {
                    collectProjectTypes(type, crossing);
                }
            }
        }
        assertThat(crossing)
                .as("types that cross the domain's ports")
                .extracting(JavaClass::getSimpleName)
                .contains("ResourceQuery", "PageSummary", "ExportHead", "ExportSection", "PreparedDocument");
        Set<String> functions = new TreeSet<>();
        for (JavaClass type : crossing) {
            if (type.isInterface() || type.isEnum()) {
                continue; // a port's own callback (RowConsumer, RowWriter) is the port's shape, not data it carries
            }
            for (JavaField field : type.getFields()) {
                if (!field.getModifiers().contains(JavaModifier.STATIC) && isFunctionType(field.getRawType())) {
                    functions.add(type.getName() + "." + field.getName() + " is of the function type "
                            + field.getRawType().getName());
                }
            }
        }
        assertThat(functions)
                .as("no record or class that crosses a domain port holds a function: data, not a call back")
                .isEmpty();
    }

    /** {@code type} and its type arguments, where they are the project's own. */
    private static void collectProjectTypes(JavaType type, Set<JavaClass> into) {
        if (type instanceof JavaParameterizedType parameterized) {
            parameterized.getActualTypeArguments().forEach(argument -> collectProjectTypes(argument, into));
        }
        JavaClass raw = type.toErasure().getBaseComponentType();
        if (raw.getPackageName().startsWith(ROOT)) {
            into.add(raw);
        }
    }

    @ArchTest
    static void theFunctionTypeCheckKnowsAFunctionWhenItSeesOne(JavaClasses classes) {
        JavaClasses jdk = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importClasses(
                        java.util.function.Supplier.class,
                        Runnable.class,
                        java.util.concurrent.Callable.class,
                        java.util.Optional.class,
                        String.class,
                        java.util.List.class);
        assertThat(isFunctionType(jdk.get(java.util.function.Supplier.class))).isTrue();
        assertThat(isFunctionType(jdk.get(Runnable.class))).isTrue();
        assertThat(isFunctionType(jdk.get(java.util.concurrent.Callable.class))).isTrue();
        assertThat(isFunctionType(jdk.get(java.util.Optional.class))).isFalse();
        assertThat(isFunctionType(jdk.get(String.class))).isFalse();
        assertThat(isFunctionType(jdk.get(java.util.List.class))).isFalse();
        assertThat(classes.stream()
                        .filter(c -> c.getPackageName().equals(ROOT + ".application.port.in"))
                        .filter(JavaClass::isRecord)
                        .count())
                .as("port.in records")
                .isGreaterThanOrEqualTo(5);
    }

    // ---- secrets

    /**
     * Records with a text component named like a key where the key is a name, not a secret: a custom field's key is
     * the field's name.
     */
    static final Set<String> KEYS_THAT_ARE_NAMES =
            Set.of(ROOT + ".domain.model.CustomFieldDefinition", ROOT + ".domain.model.FieldSelection$OneCustom");

    @ArchTest
    static final ArchRule recordsHoldingAKeyAsTextDeclareTheirOwnToString = classes()
            .that(holdAKeyAsText())
            .and(new DescribedPredicate<JavaClass>("are not among the records whose key is a name") {
                @Override
                public boolean test(JavaClass c) {
                    return !KEYS_THAT_ARE_NAMES.contains(c.getName());
                }
            })
            .should(new ArchCondition<JavaClass>("declare their own toString()") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    if (toStringIsTheGeneratedOne(type)) {
                        events.add(SimpleConditionEvent.violated(
                                type,
                                type.getName() + " holds " + keyComponents(type)
                                        + " as text but prints it with the record's generated toString()"));
                    }
                }
            })
            .as("a record holding a key as text (a component whose name contains \"key\", of type String, "
                    + "CharSequence, char[], byte[] or an Optional or collection of them) declares its own toString(), "
                    + "so that the generated one, which prints every component, never shows a key whole")
            .allowEmptyShould(false);

    @ArchTest
    static void theKeyCheckKnowsAKeyAndTheGeneratedToStringWhenItSeesThem(JavaClasses classes) {
        assertThat(classes.stream().filter(holdAKeyAsText()).map(JavaClass::getName))
                .as("records holding a key as text")
                .contains(ROOT + ".application.port.in.ExportCredentials", ROOT + ".demo.DemoDataset$Key")
                .as("every record excepted as holding a name is still one that the rule would otherwise check")
                .containsAll(KEYS_THAT_ARE_NAMES);
        JavaClasses jdk = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importClasses(String.class, java.io.CharArrayWriter.class, java.util.UUID.class);
        assertThat(isText(jdk.get(String.class).getField("value").getType()))
                .as("byte[]")
                .isTrue();
        assertThat(isText(jdk.get(java.io.CharArrayWriter.class).getField("buf").getType()))
                .as("char[]")
                .isTrue();
        assertThat(isText(jdk.get(java.util.UUID.class).getField("mostSigBits").getType()))
                .as("long")
                .isFalse();
        assertThat(holdAKeyAsText().test(classes.get(ROOT + ".domain.model.KeyRevocation")))
                .as("a UUID keyId and a displayPrefix are no key held as text")
                .isFalse();
        assertThat(toStringIsTheGeneratedOne(classes.get(ROOT + ".domain.model.KeyRevocation")))
                .as("a record without a toString() of its own")
                .isTrue();
        assertThat(toStringIsTheGeneratedOne(classes.get(ROOT + ".application.port.in.ExportCredentials")))
                .as("a record that writes its own toString()")
                .isFalse();
    }

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);

    @ArchTest
    static final ArchRule noCyclesBetweenThePackagesOfTheCore = slices().matching(ROOT + ".(*).(**)")
            .that(new DescribedPredicate<Slice>("are in the core") {
                @Override
                public boolean test(Slice slice) {
                    return slice.stream()
                            .allMatch(c -> c.getPackageName().startsWith(ROOT + ".domain")
                                    || c.getPackageName().startsWith(ROOT + ".application"));
                }
            })
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(false);

    // ---- naming and placement of port implementations

    @ArchTest
    static final ArchRule portImplementationsLiveInAdapters = classes()
            .that(implementAnInterfaceIn(DOMAIN_PORT))
            .and()
            .resideOutsideOfPackages(DOMAIN_PORT, BENCHMARKS)
            .should()
            .resideInAnyPackage(ADAPTERS)
            .as("classes implementing a domain port live in an adapter package (or, to measure, in the benchmarks)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule serializersAreNamedSerializer = classes()
            .that()
            .implement(Serializer.class)
            .should()
            .haveSimpleNameEndingWith("Serializer")
            .andShould()
            .resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule changeSerializersAreNamedSerializer = classes()
            .that()
            .implement(ChangeSerializer.class)
            .should()
            .haveSimpleNameEndingWith("Serializer")
            .andShould()
            .resideInAnyPackage(JSON, NDJSON)
            .as("change serializers are named *Serializer and live in the JSON and NDJSON adapters (a table cannot "
                    + "say that a row was deleted)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule changeReadersAreNamedReader = classes()
            .that()
            .implement(ChangeReader.class)
            .should()
            .haveSimpleNameEndingWith("Reader")
            .andShould()
            .resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule changeSnapshotsAreNamedSnapshot = classes()
            .that()
            .implement(ChangeSnapshot.class)
            .should()
            .haveSimpleNameEndingWith("Snapshot")
            .andShould()
            .resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule resourceReadersAreNamedReader = classes()
            .that()
            .implement(ResourceReader.class)
            .should()
            .haveSimpleNameEndingWith("Reader")
            .andShould()
            .resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule readSnapshotsAreNamedSnapshot = classes()
            .that()
            .implement(ReadSnapshot.class)
            .should()
            .haveSimpleNameEndingWith("Snapshot")
            .andShould()
            .resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule spoolStoresAreNamedSpoolStore = classes()
            .that()
            .implement(SpoolStore.class)
            .should()
            .haveSimpleNameEndingWith("SpoolStore")
            .andShould()
            .resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule exportSlotsAreNamedExportSlots = classes()
            .that()
            .implement(ExportSlots.class)
            .should()
            .haveSimpleNameEndingWith("ExportSlots")
            .andShould()
            .resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule keyVerifiersAreNamedVerifier = classes()
            .that()
            .implement(KeyVerifier.class)
            .should()
            .haveSimpleNameEndingWith("Verifier")
            .andShould()
            .resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule keyAdministrationPortsAreImplementedInThePersistenceAdapter = classes()
            .that()
            .implement(com.helpdesk.export.domain.port.KeyAdministrationPort.class)
            .should()
            .haveSimpleNameEndingWith("KeyAdministration")
            .andShould()
            .resideInAPackage(PERSISTENCE)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule useCaseImplementationsAreNamedService = classes()
            .that()
            .resideInAPackage(APPLICATION_SERVICE)
            .and()
            .implement(simpleNameEndingWith("UseCase"))
            .should()
            .haveSimpleNameEndingWith("Service")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule useCasesAreImplementedOnlyByApplicationServices = classes()
            .that()
            .implement(simpleNameEndingWith("UseCase"))
            .should()
            .resideInAPackage(APPLICATION_SERVICE)
            .allowEmptyShould(false);

    // ---- predicates

    /** The JSON adapter's record writers, which the NDJSON adapter may use. */
    static DescribedPredicate<JavaClass> jsonRecordWriters() {
        return new DescribedPredicate<>("the JSON adapter's record writers " + JSON_RECORD_WRITERS) {
            @Override
            public boolean test(JavaClass c) {
                return JSON_RECORD_WRITERS.contains(c.getName());
            }
        };
    }

    /** The JDK's own packages, without JDBC. */
    static DescribedPredicate<JavaClass> jdk() {
        return resideInAPackage("java..")
                .and(DescribedPredicate.not(resideInAPackage("java.sql..")))
                .as("java.. but not java.sql..");
    }

    /** An annotation that is neither the JDK's nor the project's own. */
    static DescribedPredicate<JavaAnnotation<?>> frameworkAnnotation() {
        return new DescribedPredicate<>("a framework annotation (not from java.. or " + ROOT + "..)") {
            @Override
            public boolean test(JavaAnnotation<?> annotation) {
                String pkg = annotation.getRawType().getPackageName();
                return !(pkg.equals("java")
                        || pkg.startsWith("java.")
                        || pkg.equals(ROOT)
                        || pkg.startsWith(ROOT + "."));
            }
        };
    }

    /** A primitive type, or an array whose innermost component is primitive or matches {@code component}. */
    static DescribedPredicate<JavaClass> primitiveOrArrayOf(DescribedPredicate<? super JavaClass> component) {
        return new DescribedPredicate<>("primitive or array of such") {
            @Override
            public boolean test(JavaClass c) {
                JavaClass base = c.getBaseComponentType();
                return base.isPrimitive() || (c.isArray() && component.test(base));
            }
        };
    }

    /**
     * A type in java.util.function, annotated {@code @FunctionalInterface}, or an interface with exactly one abstract
     * method (not counting Object's): what a lambda can be.
     */
    static boolean isFunctionType(JavaClass type) {
        if (type.getPackageName().equals("java.util.function") || type.isAnnotatedWith(FunctionalInterface.class)) {
            return true;
        }
        if (!type.isInterface()) {
            return false;
        }
        long abstractMethods = type.getAllMethods().stream()
                .filter(m -> m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .filter(m -> !m.getOwner().isEquivalentTo(Object.class))
                .filter(m -> !(m.getName().equals("equals")
                        || m.getName().equals("hashCode")
                        || m.getName().equals("toString")))
                .map(m -> m.getName() + m.getRawParameterTypes())
                .distinct()
                .count();
        return abstractMethods == 1;
    }

    /** A record with a component whose name contains "key" (any case) and whose type is text ({@link #isText}). */
    static DescribedPredicate<JavaClass> holdAKeyAsText() {
        return new DescribedPredicate<>("are records holding a key as text") {
            @Override
            public boolean test(JavaClass c) {
                return c.isRecord() && !keyComponents(c).isEmpty();
            }
        };
    }

    /** The names of {@code type}'s instance fields named like a key and holding text. */
    static Set<String> keyComponents(JavaClass type) {
        Set<String> names = new TreeSet<>();
        for (JavaField field : type.getFields()) {
            if (!field.getModifiers().contains(JavaModifier.STATIC)
                    && field.getName().toLowerCase(Locale.ROOT).contains("key")
                    && isText(field.getType())) {
                names.add(field.getName());
            }
        }
        return names;
    }

    /**
     * A type that holds a secret as readable text: String, CharSequence, StringBuilder, StringBuffer, char[], byte[],
     * or a generic type (Optional, a collection) with such a type argument.
     */
    static boolean isText(JavaType type) {
        if (type instanceof JavaParameterizedType parameterized
                && parameterized.getActualTypeArguments().stream().anyMatch(ArchitectureTest::isText)) {
            return true;
        }
        if (type instanceof JavaWildcardType wildcard) {
            return wildcard.getUpperBounds().stream().anyMatch(ArchitectureTest::isText);
        }
        JavaClass raw = type.toErasure();
        if (raw.isArray()) {
            return raw.getComponentType().isEquivalentTo(char.class)
                    || raw.getComponentType().isEquivalentTo(byte.class);
        }
        return Set.of("java.lang.String", "java.lang.CharSequence", "java.lang.StringBuilder", "java.lang.StringBuffer")
                .contains(raw.getName());
    }

    /**
     * Whether {@code type}'s toString() is the one javac makes for a record: declared {@code final}, its body one call
     * of {@code java.lang.runtime.ObjectMethods} (an invokedynamic, which reads no field and calls no method). A
     * toString() written by hand reads the components (or calls something); one that is {@code final} and reads
     * nothing is taken for the generated one, which fails the rule rather than passing it.
     */
    static boolean toStringIsTheGeneratedOne(JavaClass type) {
        return type.getMethods().stream()
                .filter(m -> m.getName().equals("toString")
                        && m.getRawParameterTypes().isEmpty())
                .findFirst()
                .map(m -> m.getModifiers().contains(JavaModifier.FINAL)
                        && m.getAccessesFromSelf().stream()
                                .allMatch(a -> a.getTargetOwner().getName().equals("java.lang.runtime.ObjectMethods")))
                .orElse(true);
    }

    static DescribedPredicate<JavaClass> implementAnInterfaceIn(String packageName) {
        return new DescribedPredicate<>("implement an interface of " + packageName) {
            @Override
            public boolean test(JavaClass c) {
                return !c.isInterface()
                        && c.getAllRawInterfaces().stream()
                                .anyMatch(i -> i.getPackageName().equals(packageName));
            }
        };
    }
}
