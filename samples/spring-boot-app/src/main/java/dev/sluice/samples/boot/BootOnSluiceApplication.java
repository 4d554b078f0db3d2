package dev.sluice.samples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application on Sluice: the only change from a Tomcat one is in the pom's dependencies. */
@SpringBootApplication
public class BootOnSluiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(BootOnSluiceApplication.class, args);
    }
}
