package space.djangonaut.missioncontrol.survey;

import org.springframework.data.jpa.repository.JpaRepository;

interface GitHubFigureRepository extends JpaRepository<GitHubFigure, Long> {}
