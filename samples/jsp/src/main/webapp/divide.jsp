<%@ page contentType="text/html;charset=UTF-8" errorPage="/WEB-INF/error.jsp" trimDirectiveWhitespaces="true" %>
<%
    // A number or an error page: 100 divided by the ?by= parameter (ArithmeticException for 0).
    int by = Integer.parseInt(request.getParameter("by") == null ? "1" : request.getParameter("by"));
    request.setAttribute("quotient", 100 / by);
%>
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Divide - Sluice</title><link rel="stylesheet" href="/jsp/sluice.css"></head>
<body><main><h1>100 / ${param.by} = ${quotient}</h1><p><a href="./">Back</a></p></main></body>
</html>
