<%@ page contentType="text/plain;charset=UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><c:forEach var="i" begin="1" end="3">[${i}]</c:forEach><c:if test="${param.x == 'y'}">yes</c:if>
