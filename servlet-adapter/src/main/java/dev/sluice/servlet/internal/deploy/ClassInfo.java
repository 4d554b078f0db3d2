package dev.sluice.servlet.internal.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the annotation scan needs of one class file, read with ASM without loading the class: its name, super
 * class, interfaces and class-level annotations with their values (arrays as lists, nested annotations as maps,
 * enum constants and class literals as names).
 */
public record ClassInfo(String name, String superName, List<String> interfaces,
        Map<String, Map<String, Object>> annotations, boolean isAbstractOrInterface) {

    public static ClassInfo read(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Collector collector = new Collector();
        reader.accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(collector.name, collector.superName, collector.interfaces, collector.annotations,
                collector.abstractOrInterface);
    }

    public Map<String, Object> annotation(Class<?> type) {
        return annotations.get(type.getName());
    }

    private static final class Collector extends ClassVisitor {
        String name;
        String superName;
        List<String> interfaces = List.of();
        boolean abstractOrInterface;
        final Map<String, Map<String, Object>> annotations = new HashMap<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.name = name.replace('/', '.');
            this.superName = superName == null ? null : superName.replace('/', '.');
            List<String> list = new ArrayList<>();
            for (String i : interfaces) {
                list.add(i.replace('/', '.'));
            }
            this.interfaces = list;
            this.abstractOrInterface = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            Map<String, Object> values = new HashMap<>();
            annotations.put(Type.getType(descriptor).getClassName(), values);
            return new Values(values);
        }
    }

    /** Collects annotation values into a map. */
    private static final class Values extends AnnotationVisitor {
        private final Map<String, Object> map;
        private final List<Object> list;

        Values(Map<String, Object> map) {
            super(Opcodes.ASM9);
            this.map = map;
            this.list = null;
        }

        Values(List<Object> list) {
            super(Opcodes.ASM9);
            this.map = null;
            this.list = list;
        }

        private void put(String name, Object value) {
            if (map != null) {
                map.put(name, value);
            } else {
                list.add(value);
            }
        }

        @Override
        public void visit(String name, Object value) {
            put(name, value instanceof Type t ? t.getClassName() : value);
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            put(name, value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            Map<String, Object> nested = new HashMap<>();
            put(name, nested);
            return new Values(nested);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            List<Object> array = new ArrayList<>();
            put(name, array);
            return new Values(array);
        }
    }
}
