<%@ page contentType="text/html;charset=UTF-8" isErrorPage="true" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Error - Sluice</title><link rel="stylesheet" href="/jsp/sluice.css"></head>
<body><main>
  <h1>That did not work.</h1>
  <p id="exception"><c:out value="${pageContext.exception['class'].simpleName}: ${pageContext.exception.message}"/></p>
  <p><a href="./">Back</a></p>
</main></body>
</html>
