package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.config.FirstLoginPolicy;
import io.wxbind.db.WxBindData;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.BeanAttributes;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.configurator.BeanConfigurator;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The extension against fake CDI events: what it finds, what it adds, what it refuses, what it vetoes. */
class WeChatExtensionTest {

    @WeChatAuthenticationMechanismDefinition(firstLogin = FirstLoginPolicy.REGISTER)
    static class Good {
    }

    @WeChatAuthenticationMechanismDefinition(loginPath = "login", defaultGroups = "a,b")
    static class Bad {
    }

    static class Plain {
    }

    private final List<Throwable> errors = new ArrayList<>();
    private final List<Set<?>> addedTypes = new ArrayList<>();

    @Test
    void addBeansWhenOneGoodDefinitionThenDeclaredSettingsAndMechanism() {
        WeChatExtension extension = withUnit(discovered(Good.class, Plain.class));
        extension.addBeans(afterBeanDiscovery());
        assertEquals(List.of(), errors);
        assertEquals(2, addedTypes.size(), addedTypes.toString());
        assertTrue(addedTypes.get(0).contains(io.wxbind.config.DeclaredSettings.class));
        assertTrue(addedTypes.get(1).contains(jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism.class));
        assertTrue(extension.definition().isPresent());
    }

    @Test
    void addBeansWhenNoDefinitionThenOnlyEmptyDeclaredSettingsAndAnEntityManagerThatRefusesUse() {
        WeChatExtension extension = discovered(Plain.class);
        extension.addBeans(afterBeanDiscovery());
        assertEquals(List.of(), errors);
        assertEquals(2, addedTypes.size(), addedTypes.toString());
        assertTrue(addedTypes.get(0).contains(io.wxbind.config.DeclaredSettings.class));
        assertTrue(addedTypes.get(1).contains(EntityManager.class), "WxBind's beans still need something to inject");
        assertTrue(addedTypes.stream().noneMatch(t -> t.contains(HttpAuthenticationMechanism.class)), "no mechanism without the definition");
        assertTrue(extension.definition().isEmpty());
        EntityManager off = WeChatExtension.undefinedEntityManager();
        IllegalStateException used = assertThrows(IllegalStateException.class, () -> off.find(Object.class, 1));
        assertTrue(used.getMessage().contains("not defined"), used.getMessage());
        assertEquals(off, off);
    }

    @Test
    void addBeansWhenNoDefinitionAndTheHostProducesAUnitThenNoStandIn() {
        WeChatExtension extension = withUnit(discovered(Plain.class));
        extension.addBeans(afterBeanDiscovery());
        assertEquals(1, addedTypes.size(), addedTypes.toString());
    }

    @Test
    void addBeansWhenDefinedWithoutAUnitThenTheDeploymentSaysHowToGiveOne() {
        WeChatExtension extension = discovered(Good.class);
        extension.addBeans(afterBeanDiscovery());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).getMessage().contains("no persistence unit for WxBind")
                && errors.get(0).getMessage().contains(WxBindData.MAPPING_FILE), errors.get(0).getMessage());
        assertEquals(0, addedTypes.size());
    }

    @Test
    void findWxBindDataCountsOnlyQualifiedEntityManagers() {
        WeChatExtension extension = discovered(Good.class);
        extension.findWxBindData(beanAttributes(Set.of(EntityManager.class, Object.class), Set.of(Default.Literal.INSTANCE)));
        extension.findWxBindData(beanAttributes(Set.of(String.class, Object.class), Set.of(WxBindData.Literal.INSTANCE)));
        extension.addBeans(afterBeanDiscovery());
        assertEquals(1, errors.size(), "an unqualified unit is the host's own, not WxBind's");
    }

    private static WeChatExtension withUnit(WeChatExtension extension) {
        extension.findWxBindData(beanAttributes(Set.of(EntityManager.class, Object.class), Set.of(WxBindData.Literal.INSTANCE)));
        return extension;
    }

    @SuppressWarnings("unchecked")
    private static <T> ProcessBeanAttributes<T> beanAttributes(Set<java.lang.reflect.Type> types, Set<Annotation> qualifiers) {
        BeanAttributes<T> attributes = (BeanAttributes<T>) Proxy.newProxyInstance(WeChatExtensionTest.class.getClassLoader(),
                new Class<?>[] {BeanAttributes.class}, (p, m, args) -> switch (m.getName()) {
                    case "getTypes" -> types;
                    case "getQualifiers" -> qualifiers;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ProcessBeanAttributes<T>) Proxy.newProxyInstance(WeChatExtensionTest.class.getClassLoader(),
                new Class<?>[] {ProcessBeanAttributes.class}, (p, m, args) -> switch (m.getName()) {
                    case "getBeanAttributes" -> attributes;
                    case "getAnnotated" -> null; // only named in the record
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void addBeansWhenBadValuesAndTwoDefinitionsThenOneDefinitionErrorListingAll() {
        WeChatExtension extension = withUnit(discovered(Good.class, Bad.class));
        extension.addBeans(afterBeanDiscovery());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0) instanceof DefinitionException);
        String message = errors.get(0).getMessage();
        assertTrue(message.contains("declared once per application") && message.contains(Good.class.getName())
                && message.contains(Bad.class.getName()), message);
        assertTrue(message.contains("loginPath (wxbind.path.login)") && message.contains("defaultGroups (wechat.default-groups)"), message);
        assertEquals(0, addedTypes.size(), "nothing added to a failing deployment");
    }

    @Test
    void vetoWhenUndefinedThenOnlyWxBindStartupObservers() {
        WeChatExtension undefined = discovered(Plain.class);
        assertTrue(vetoed(undefined, io.wxbind.db.SchemaMigrator.class, true));
        assertTrue(!vetoed(undefined, io.wxbind.db.SchemaMigrator.class, false), "other events still observed");
        assertTrue(!vetoed(undefined, String.class, true), "the host's start-up observers run");
        assertTrue(!vetoed(discovered(Good.class), io.wxbind.db.SchemaMigrator.class, true), "defined: WxBind starts");
    }

    private static WeChatExtension discovered(Class<?>... classes) {
        WeChatExtension extension = new WeChatExtension();
        for (Class<?> c : classes) {
            extension.findDefinition(pat(c));
        }
        return extension;
    }

    @SuppressWarnings("unchecked")
    private static <T> ProcessAnnotatedType<T> pat(Class<T> type) {
        AnnotatedType<T> annotated = (AnnotatedType<T>) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {AnnotatedType.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getAnnotation" -> type.getAnnotation((Class<? extends Annotation>) args[0]);
                    case "getJavaClass" -> type;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ProcessAnnotatedType<T>) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {ProcessAnnotatedType.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getAnnotatedType" -> annotated;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private AfterBeanDiscovery afterBeanDiscovery() {
        return (AfterBeanDiscovery) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AfterBeanDiscovery.class},
                (p, m, args) -> switch (m.getName()) {
                    case "addDefinitionError" -> errors.add((Throwable) args[0]);
                    case "addBean" -> beanConfigurator();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Records the types of each bean added; every other call returns the configurator itself. */
    private BeanConfigurator<?> beanConfigurator() {
        return (BeanConfigurator<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BeanConfigurator.class},
                (p, m, args) -> {
                    if (m.getName().equals("types") && args[0] instanceof Object[] types) {
                        addedTypes.add(Set.of(types));
                    }
                    return p;
                });
    }

    private static boolean vetoed(WeChatExtension extension, Class<?> beanClass, boolean startup) {
        boolean[] veto = {false};
        ObserverMethod<?> observer = (ObserverMethod<?>) Proxy.newProxyInstance(WeChatExtensionTest.class.getClassLoader(),
                new Class<?>[] {ObserverMethod.class}, (p, m, args) -> switch (m.getName()) {
                    case "getObservedQualifiers" -> startup ? Set.of(Initialized.Literal.APPLICATION) : Set.of();
                    case "getBeanClass" -> beanClass;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ProcessObserverMethod<?, ?> event = (ProcessObserverMethod<?, ?>) Proxy.newProxyInstance(WeChatExtensionTest.class.getClassLoader(),
                new Class<?>[] {ProcessObserverMethod.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "getObserverMethod" -> {
                            return observer;
                        }
                        case "veto" -> {
                            veto[0] = true;
                            return null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                });
        extension.vetoStartupWhenUndefined(event);
        return veto[0];
    }
}
