package com.helpdesk.export.architecture;

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
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.LinkedHashMap;
import java.util.Map;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;

import static com.helpdesk.export.architecture.Packages.ADAPTERS;
import static com.helpdesk.export.architecture.Packages.APPLICATION;
import static com.helpdesk.export.architecture.Packages.APPLICATION_SERVICE;
import static com.helpdesk.export.architecture.Packages.CSV;
import static com.helpdesk.export.architecture.Packages.DOMAIN;
import static com.helpdesk.export.architecture.Packages.DOMAIN_PORT;
import static com.helpdesk.export.architecture.Packages.FORBIDDEN_IN_CORE;
import static com.helpdesk.export.architecture.Packages.JSON;
import static com.helpdesk.export.architecture.Packages.PERSISTENCE;
import static com.helpdesk.export.architecture.Packages.REST;
import static com.helpdesk.export.architecture.Packages.SPOOL;
import static com.helpdesk.export.architecture.Packages.TEXT;
import static com.helpdesk.export.architecture.Packages.ROOT;
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

/**
 * The hexagon's rules over the main classes of all modules. Every rule fails when its {@code that()} part selects no
 * class ({@code allowEmptyShould(false)}), and {@link #everyModulesPackageIsImported} fails when a module's classes
 * are missing from the import, so that a misspelt package or an empty jar never passes silently.
 */
@AnalyzeClasses(packages = ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // ---- the import itself

    @ArchTest
    static void everyModulesPackageIsImported(JavaClasses classes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String pkg : new String[] {"domain", "application", "csv", "json", "text", "persistence.jdbc", "spool",
                "rest"}) {
            String name = ROOT + "." + pkg;
            counts.put(name, classes.stream()
                    .filter(c -> c.getPackageName().equals(name) || c.getPackageName().startsWith(name + "."))
                    .filter(c -> !c.getSimpleName().equals("package-info"))
                    .count());
        }
        assertThat(counts).as("classes imported per package").allSatisfy((pkg, count) ->
                assertThat(count).as(pkg).isPositive());
        assertThat(classes.stream().filter(c -> c.getSource().map(s -> s.getUri().toString()
                .contains("test-classes")).orElse(false))).as("test classes are not imported").isEmpty();
    }

    // ---- the core: domain and application

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkAndItself = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat(jdk().or(resideInAPackage(DOMAIN))
                    .or(primitiveOrArrayOf(jdk().or(resideInAPackage(DOMAIN)))))
            .as("the domain depends only on java.. without java.sql.. (and itself)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule applicationDependsOnlyOnTheJdkAndTheDomain = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat(jdk().or(resideInAPackage(DOMAIN)).or(resideInAPackage(APPLICATION))
                    .or(primitiveOrArrayOf(jdk().or(resideInAPackage(DOMAIN)).or(resideInAPackage(APPLICATION)))))
            .as("the application depends only on java.. without java.sql.., and the domain (and itself)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreUsesNoFrameworkNorJdbc = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN_IN_CORE)
            .as("domain and application use no jakarta, javax, Quarkus, Jackson, JBoss or java.sql type")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreClassesCarryNoFrameworkAnnotation = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().beAnnotatedWith(frameworkAnnotation())
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreMembersCarryNoFrameworkAnnotation = noCodeUnits()
            .that().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().beAnnotatedWith(frameworkAnnotation())
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreFieldsCarryNoFrameworkAnnotation = noFields()
            .that().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().beAnnotatedWith(frameworkAnnotation())
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreParametersCarryNoFrameworkAnnotation = codeUnits()
            .that().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN, APPLICATION)
            .should(new ArchCondition<JavaCodeUnit>(
                    "have no parameter annotated with a framework annotation") {
                @Override
                public void check(JavaCodeUnit unit,
                                  ConditionEvents events) {
                    unit.getParameters().forEach(p -> p.getAnnotations().stream()
                            .filter(frameworkAnnotation())
                            .forEach(a -> events.add(SimpleConditionEvent.violated(unit,
                                    unit.getFullName() + " has a parameter annotated with "
                                            + a.getRawType().getName()))));
                }
            })
            .allowEmptyShould(false);

    // ---- adapters

    @ArchTest
    static final ArchRule csvAdapterUsesNoOtherAdapter = noClasses()
            .that().resideInAPackage(CSV)
            .should().dependOnClassesThat().resideInAnyPackage(JSON, PERSISTENCE, SPOOL, REST)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule jsonAdapterUsesOnlyTheJdkTheDomainTheWireTextAndJacksonCore = classes()
            .that().resideInAPackage(JSON)
            .should().onlyDependOnClassesThat(jdk().or(resideInAnyPackage(DOMAIN, TEXT, JSON, "com.fasterxml.jackson.core.."))
                    .or(primitiveOrArrayOf(jdk().or(resideInAnyPackage(DOMAIN, TEXT, JSON)))))
            .as("the JSON adapter needs nothing but the JDK, the domain, the wire text and jackson-core: no Quarkus")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule wireTextUsesOnlyTheJdk = classes()
            .that().resideInAPackage(TEXT)
            .should().onlyDependOnClassesThat(jdk().or(resideInAPackage(TEXT)).or(primitiveOrArrayOf(jdk())))
            .as("the wire-text writers are plain JDK code")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheSerializersUseTheWireText = noClasses()
            .that().resideOutsideOfPackages(TEXT, CSV, JSON)
            .should().dependOnClassesThat().resideInAPackage(TEXT)
            .as("the wire text belongs to the serializers")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyConnectionResetUsesVertxInternals = noClasses()
            .that().doNotHaveFullyQualifiedName(ROOT + ".rest.web.ConnectionReset")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..impl..", "io.vertx.core.internal..")
            .as("Vert.x's impl packages are not its API; only ConnectionReset reaches them (for a TCP reset)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule persistenceAdapterUsesNoOtherAdapter = noClasses()
            .that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(CSV, JSON, SPOOL, REST)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule spoolAdapterUsesNoOtherAdapter = noClasses()
            .that().resideInAPackage(SPOOL)
            .should().dependOnClassesThat().resideInAnyPackage(CSV, JSON, PERSISTENCE, REST)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule spoolAdapterUsesOnlyTheJdkAndTheDomain = classes()
            .that().resideInAPackage(SPOOL)
            .should().onlyDependOnClassesThat(jdk().or(resideInAPackage(DOMAIN)).or(resideInAPackage(SPOOL))
                    .or(primitiveOrArrayOf(jdk().or(resideInAPackage(DOMAIN)).or(resideInAPackage(SPOOL)))))
            .as("the spool adapter needs nothing but the JDK and the domain")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule nothingDependsOnTheRestAdapter = noClasses()
            .that().resideOutsideOfPackage(REST)
            .should().dependOnClassesThat().resideInAPackage(REST)
            .as("nothing outside the REST adapter depends on it")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices()
            .matching(ROOT + ".(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule noCyclesBetweenThePackagesOfTheCore = slices()
            .matching(ROOT + ".(*).(**)")
            .that(new DescribedPredicate<Slice>("are in the core") {
                @Override
                public boolean test(Slice slice) {
                    return slice.stream().allMatch(c -> c.getPackageName().startsWith(ROOT + ".domain")
                            || c.getPackageName().startsWith(ROOT + ".application"));
                }
            })
            .should().beFreeOfCycles()
            .allowEmptyShould(false);

    // ---- naming and placement of port implementations

    @ArchTest
    static final ArchRule portImplementationsLiveInAdapters = classes()
            .that(implementAnInterfaceIn(DOMAIN_PORT))
            .and().resideOutsideOfPackage(DOMAIN_PORT)
            .should().resideInAnyPackage(ADAPTERS)
            .as("classes implementing a domain port live in an adapter package")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule serializersAreNamedSerializer = classes()
            .that().implement(Serializer.class)
            .should().haveSimpleNameEndingWith("Serializer").andShould().resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule resourceReadersAreNamedReader = classes()
            .that().implement(ResourceReader.class)
            .should().haveSimpleNameEndingWith("Reader").andShould().resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule readSnapshotsAreNamedSnapshot = classes()
            .that().implement(ReadSnapshot.class)
            .should().haveSimpleNameEndingWith("Snapshot").andShould().resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule spoolStoresAreNamedSpoolStore = classes()
            .that().implement(SpoolStore.class)
            .should().haveSimpleNameEndingWith("SpoolStore").andShould().resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule exportSlotsAreNamedExportSlots = classes()
            .that().implement(ExportSlots.class)
            .should().haveSimpleNameEndingWith("ExportSlots").andShould().resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule keyVerifiersAreNamedVerifier = classes()
            .that().implement(KeyVerifier.class)
            .should().haveSimpleNameEndingWith("Verifier").andShould().resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule useCaseImplementationsAreNamedService = classes()
            .that().resideInAPackage(APPLICATION_SERVICE)
            .and().implement(simpleNameEndingWith("UseCase"))
            .should().haveSimpleNameEndingWith("Service")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule useCasesAreImplementedOnlyByApplicationServices = classes()
            .that().implement(simpleNameEndingWith("UseCase"))
            .should().resideInAPackage(APPLICATION_SERVICE)
            .allowEmptyShould(false);

    // ---- predicates

    /** The JDK's own packages, without JDBC. */
    static DescribedPredicate<JavaClass> jdk() {
        return resideInAPackage("java..").and(DescribedPredicate.not(resideInAPackage("java.sql..")))
                .as("java.. but not java.sql..");
    }

    /** An annotation that is neither the JDK's nor the project's own. */
    static DescribedPredicate<JavaAnnotation<?>> frameworkAnnotation() {
        return new DescribedPredicate<>("a framework annotation (not from java.. or " + ROOT + "..)") {
            @Override
            public boolean test(JavaAnnotation<?> annotation) {
                String pkg = annotation.getRawType().getPackageName();
                return !(pkg.equals("java") || pkg.startsWith("java.") || pkg.equals(ROOT)
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

    static DescribedPredicate<JavaClass> implementAnInterfaceIn(String packageName) {
        return new DescribedPredicate<>("implement an interface of " + packageName) {
            @Override
            public boolean test(JavaClass c) {
                return !c.isInterface() && c.getAllRawInterfaces().stream()
                        .anyMatch(i -> i.getPackageName().equals(packageName));
            }
        };
    }
}
