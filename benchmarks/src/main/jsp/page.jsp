<%@ page contentType="text/html;charset=UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="b" uri="urn:sluice:bench" %><!DOCTYPE html>
<html><head><title>Bench</title></head><body><h1>Hello, ${empty param.name ? 'bench' : param.name}!</h1>
<ul><c:forEach var="i" begin="1" end="20"><li>${i} squared is <b:square n="${i}"/></li></c:forEach></ul>
</body></html>
